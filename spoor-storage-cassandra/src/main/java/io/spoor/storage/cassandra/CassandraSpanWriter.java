package io.spoor.storage.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Span;
import io.spoor.storage.SpanWriter;
import static io.spoor.storage.cassandra.CassandraStorage.prepare;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes spans as Jaeger's Cassandra writer does: the {@code traces} row, then the service and
 * operation names (cached for {@code --cassandra.span-store-write-cache-ttl}), {@code
 * service_name_index} (bucket = span_hash mod 10), {@code service_operation_index}, one {@code
 * tag_index} row per distinct (key, value) over process tags, span tags and log fields (as enabled by
 * {@code --cassandra.index.*}), and two {@code duration_index} rows (operation {@code ""} and the real
 * one) in the hour bucket the start time rounds to. The statements of a batch of spans are grouped by
 * partition into small unlogged batches and sent asynchronously through {@link Requests}; {@link
 * #write} returns when all are acknowledged and throws if any failed.
 */
final class CassandraSpanWriter implements SpanWriter {
  static final int BUCKETS = 10;
  static final long HOUR_MICROS = 3_600_000_000L;
  private static final int MAX_TAG_SIZE = 256;
  private static final int MAX_CACHE_ENTRIES = 100_000;
  static final int MAX_BATCH_BYTES = 5 * 1024;
  private static final int MAX_BATCH_STATEMENTS = 100;

  private final Requests requests;
  private final DriverContext context;
  private final SpanRows rows;
  private final CassandraConfig.IndexConfig index;
  private final CassandraMetrics metrics;
  private final long cacheTtlNanos;
  private final PreparedStatement insertSpan;
  private final PreparedStatement insertServiceName;
  private final PreparedStatement insertOperationName;
  private final PreparedStatement insertServiceNameIndex;
  private final PreparedStatement insertServiceOperationIndex;
  private final PreparedStatement insertTagIndex;
  private final PreparedStatement insertDurationIndex;
  private final ConcurrentHashMap<String, Long> written = new ConcurrentHashMap<>();

  CassandraSpanWriter(CqlSession session, String keyspace, Requests requests, SpanRows rows, CassandraConfig config,
      CassandraMetrics metrics) {
    this.requests = requests;
    this.context = session.getContext();
    this.rows = rows;
    this.index = config.index();
    this.metrics = metrics;
    this.cacheTtlNanos = config.writeCacheTtl().toNanos();
    this.insertSpan = prepare(session, keyspace, "INSERT INTO traces(trace_id, span_id, span_hash, parent_id, operation_name,"
        + " flags, start_time, duration, tags, logs, refs, process) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    this.insertServiceName = prepare(session, keyspace, "INSERT INTO service_names(service_name) VALUES (?)");
    this.insertOperationName = prepare(session, keyspace, 
        "INSERT INTO operation_names_v2(service_name, span_kind, operation_name) VALUES (?, ?, ?)");
    this.insertServiceNameIndex = prepare(session, keyspace, 
        "INSERT INTO service_name_index(service_name, bucket, start_time, trace_id) VALUES (?, ?, ?, ?)");
    this.insertServiceOperationIndex = prepare(session, keyspace, 
        "INSERT INTO service_operation_index(service_name, operation_name, start_time, trace_id) VALUES (?, ?, ?, ?)");
    this.insertTagIndex = prepare(session, keyspace, "INSERT INTO tag_index(trace_id, span_id, service_name, start_time,"
        + " tag_key, tag_value) VALUES (?, ?, ?, ?, ?, ?)");
    this.insertDurationIndex = prepare(session, keyspace, "INSERT INTO duration_index(service_name, operation_name, bucket,"
        + " duration, start_time, trace_id) VALUES (?, ?, ?, ?, ?, ?)");
  }

  @Override
  public void write(List<Span> spans) {
    Map<String, List<BoundStatement>> byPartition = new LinkedHashMap<>();
    List<Runnable> onSuccess = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Span span : spans) {
      statements(span, byPartition, names, onSuccess);
    }
    List<CompletableFuture<?>> pending = new ArrayList<>(byPartition.size());
    for (List<BoundStatement> partition : byPartition.values()) {
      sendBatches(partition, pending);
    }
    Throwable first = null;
    int failed = 0;
    for (CompletableFuture<?> f : pending) {
      try {
        f.join();
      } catch (CompletionException e) {
        failed++;
        if (first == null) {
          first = Requests.unwrap(e);
        }
      }
    }
    if (first != null) {
      metrics.spansFailed.add(spans.size());
      throw Requests.storageException("writing " + spans.size() + " spans (" + failed + " of " + pending.size()
          + " requests)", first);
    }
    onSuccess.forEach(Runnable::run);
    metrics.spansWritten.add(spans.size());
  }

  /**
   * Statements of one partition go together as unlogged batches (one request, applied on the replicas
   * of that partition alone) of at most {@value #MAX_BATCH_BYTES} bytes, Cassandra's default batch
   * size warning threshold; a lone statement goes alone.
   */
  private void sendBatches(List<BoundStatement> partition, List<CompletableFuture<?>> pending) {
    if (partition.size() == 1) {
      pending.add(requests.send(partition.get(0)));
      return;
    }
    BatchStatementBuilder batch = null;
    int bytes = 0;
    for (BoundStatement st : partition) {
      int size = st.computeSizeInBytes(context);
      if (batch != null && (bytes + size > MAX_BATCH_BYTES || batch.getStatementsCount() >= MAX_BATCH_STATEMENTS)) {
        pending.add(requests.send(finish(batch)));
        batch = null;
      }
      if (batch == null) {
        batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        bytes = 0;
      }
      batch.addStatement(st);
      bytes += size;
    }
    pending.add(requests.send(finish(batch)));
  }

  private static Statement<?> finish(BatchStatementBuilder batch) {
    BatchStatement built = batch.setIdempotence(true).build();
    return built.size() == 1 ? built.iterator().next() : built;
  }

  private static void add(Map<String, List<BoundStatement>> byPartition, String partition, BoundStatement st) {
    byPartition.computeIfAbsent(partition, k -> new ArrayList<>(4)).add(st.setIdempotent(true));
  }

  /** @param names the service and operation names this write already sends */
  private void statements(Span span, Map<String, List<BoundStatement>> out, Set<String> names,
      List<Runnable> onSuccess) {
    ByteBuffer traceId = SpanRows.traceId(span.traceId());
    long hash = SpanRows.hash(span);
    long start = span.startTimeMicros();
    long duration = span.durationMicros();
    String service = span.serviceName();
    String operation = span.operationName();
    add(out, "t\u0000" + span.traceId().toHex128(), insertSpan.bind(traceId, span.spanId().value(), hash,
        span.parentSpanId().value(), operation, span.flags(), start, duration, rows.keyValues(span.tags()),
        rows.logs(span.logs()), rows.refs(span.references()), rows.process(span.process())));

    String serviceKey = "s\u0000" + service;
    if (!cached(serviceKey) && names.add(serviceKey)) {
      add(out, serviceKey, insertServiceName.bind(service));
      onSuccess.add(() -> remember(serviceKey));
    }
    String kind = span.kind().tagValue();
    String operationKey = "o\u0000" + service + "\u0000" + kind + "\u0000" + operation;
    if (!cached(operationKey) && names.add(operationKey)) {
      add(out, "o\u0000" + service, insertOperationName.bind(service, kind, operation));
      onSuccess.add(() -> remember(operationKey));
    }
    int bucketNo = (int) Long.remainderUnsigned(hash, BUCKETS);
    add(out, "b\u0000" + service + "\u0000" + bucketNo,
        insertServiceNameIndex.bind(service, bucketNo, start, traceId));
    add(out, "so\u0000" + service + "\u0000" + operation,
        insertServiceOperationIndex.bind(service, operation, start, traceId));
    for (KeyValue tag : uniqueTags(span)) {
      String value = tag.valueAsString();
      if (shouldIndex(tag.key(), value)) {
        add(out, "g\u0000" + service + "\u0000" + tag.key() + "\u0000" + value,
            insertTagIndex.bind(traceId, span.spanId().value(), service, start, tag.key(), value));
      } else {
        metrics.tagIndexSkipped.increment();
      }
    }
    Instant bucket = Instant.ofEpochMilli(roundToHour(start) / 1000L);
    add(out, "d\u0000" + service + "\u0000\u0000" + bucket,
        insertDurationIndex.bind(service, "", bucket, duration, start, traceId));
    add(out, "d\u0000" + service + "\u0000" + operation + "\u0000" + bucket,
        insertDurationIndex.bind(service, operation, bucket, duration, start, traceId));
  }

  /**
   * Jaeger's {@code GetAllUniqueTags}: process tags, span tags and log fields that the index options
   * let through, sorted, identical (key, type, value) once. Unlike Jaeger, binary values are indexed
   * too (as lower-case hex, the text a search compares them by), so a search finds them.
   */
  List<KeyValue> uniqueTags(Span span) {
    List<KeyValue> all = new ArrayList<>();
    if (index.processTags()) {
      filter(span.process().tags(), all);
    }
    if (index.tags()) {
      filter(span.tags(), all);
    }
    if (index.logs()) {
      for (Log log : span.logs()) {
        filter(log.fields(), all);
      }
    }
    all.sort(Comparator.comparing(KeyValue::key).thenComparing(KeyValue::type)
        .thenComparing(KeyValue::valueAsString));
    Set<String> seen = new LinkedHashSet<>();
    List<KeyValue> unique = new ArrayList<>(all.size());
    for (KeyValue kv : all) {
      if (seen.add(kv.key() + "\u0000" + kv.type() + "\u0000" + kv.valueAsString())) {
        unique.add(kv);
      }
    }
    return unique;
  }

  private void filter(List<KeyValue> tags, List<KeyValue> out) {
    for (KeyValue kv : tags) {
      if (index.keyIndexed(kv.key())) {
        out.add(kv);
      }
    }
  }

  /** Jaeger's {@code shouldIndexTag}: key and value shorter than 256 bytes, value not a JSON object. */
  static boolean shouldIndex(String key, String value) {
    return utf8Length(key) < MAX_TAG_SIZE && utf8Length(value) < MAX_TAG_SIZE && !looksLikeJson(value);
  }

  /** Values Jaeger may have left out of the index as JSON: every value starting with '{'. */
  static boolean looksLikeJson(String value) {
    return value.startsWith("{");
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Go's {@code time.Round(time.Hour)}: halves round up. */
  static long roundToHour(long micros) {
    long floor = Math.floorDiv(micros, HOUR_MICROS) * HOUR_MICROS;
    return micros - floor >= HOUR_MICROS / 2 ? floor + HOUR_MICROS : floor;
  }

  private boolean cached(String key) {
    Long expires = written.get(key);
    return expires != null && expires - System.nanoTime() > 0;
  }

  private void remember(String key) {
    if (written.size() >= MAX_CACHE_ENTRIES) {
      written.clear();
    }
    written.put(key, System.nanoTime() + cacheTtlNanos);
  }

  /** Forgets the names written, so the next spans write them again (after a purge). */
  void clearCache() {
    written.clear();
  }
}
