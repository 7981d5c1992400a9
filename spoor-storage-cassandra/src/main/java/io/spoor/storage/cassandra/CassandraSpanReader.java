package io.spoor.storage.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.spoor.model.Span;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Operation;
import io.spoor.storage.SpanReader;
import static io.spoor.storage.cassandra.CassandraStorage.prepare;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import io.spoor.storage.UnsupportedQueryException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads with Jaeger's query strategies: trace ids come from an index keyed by service (service +
 * operation, tag, duration bucket, or the ten service buckets), several index lookups are intersected
 * in memory, and traces are fetched by id. Unlike Jaeger, which returns what the indexes say, every
 * candidate trace is then checked against the whole query ({@link TraceQuery#matches}) so that one span
 * must satisfy every criterion, bounds are inclusive, and tags with duration, {@code !=}, exists and
 * regex filters work: the indexes only narrow the candidates.
 */
final class CassandraSpanReader implements SpanReader {
  private static final Logger LOG = LoggerFactory.getLogger(CassandraSpanReader.class);
  /** The most rows one filtering index lookup may load; beyond it the lookup narrows nothing. */
  static final int MAX_FILTER_ROWS = 200_000;
  /** The most candidate traces one search fetches before it returns what it found. */
  static final int MAX_CANDIDATES = 20_000;
  /** Duration searches over more hour buckets than this use the service index instead. */
  static final int MAX_DURATION_BUCKETS = 24 * 7;
  private static final int FILTER_PAGE_SIZE = 5000;
  /** Rows of one duration bucket beyond which the duration range counts as unselective. */
  static final int DURATION_BUCKET_ROWS = 2000;
  private static final int FETCH_AHEAD = 16;

  private final CqlSession session;
  private final String keyspace;
  /** The {@code default_time_to_live} of {@code traces}; 0 for none. */
  private final long spanTtlSeconds;
  private final Requests requests;
  private final CassandraConfig.IndexConfig index;
  private final CassandraMetrics metrics;
  private final PreparedStatement selectTrace;
  private final PreparedStatement byServiceBucket;
  private final PreparedStatement byOperation;
  private final PreparedStatement byTag;
  private final PreparedStatement byDuration;
  private final PreparedStatement operations;
  private final PreparedStatement operationsOfKind;

  CassandraSpanReader(CqlSession session, String keyspace, Requests requests, CassandraConfig config, CassandraMetrics metrics,
      long spanTtlSeconds) {
    this.session = session;
    this.keyspace = keyspace;
    this.spanTtlSeconds = spanTtlSeconds;
    this.requests = requests;
    this.index = config.index();
    this.metrics = metrics;
    this.selectTrace = prepare(session, keyspace, "SELECT trace_id, span_id, parent_id, operation_name, flags, start_time,"
        + " duration, tags, logs, refs, process FROM traces WHERE trace_id = ?");
    this.byServiceBucket = prepare(session, keyspace, "SELECT trace_id, start_time FROM service_name_index"
        + " WHERE service_name = ? AND bucket = ? AND start_time >= ? AND start_time <= ?");
    this.byOperation = prepare(session, keyspace, "SELECT trace_id, start_time FROM service_operation_index"
        + " WHERE service_name = ? AND operation_name = ? AND start_time >= ? AND start_time <= ?");
    this.byTag = prepare(session, keyspace, "SELECT trace_id, start_time FROM tag_index"
        + " WHERE service_name = ? AND tag_key = ? AND tag_value = ? AND start_time >= ? AND start_time <= ?");
    this.byDuration = prepare(session, keyspace, "SELECT trace_id, start_time FROM duration_index"
        + " WHERE service_name = ? AND operation_name = ? AND bucket = ? AND duration >= ? AND duration <= ?");
    this.operations = prepare(session, keyspace, 
        "SELECT span_kind, operation_name FROM operation_names_v2 WHERE service_name = ?");
    this.operationsOfKind = prepare(session, keyspace, 
        "SELECT span_kind, operation_name FROM operation_names_v2 WHERE service_name = ? AND span_kind = ?");
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId, TimeWindow hint) {
    List<Span> spans = Requests.await(fetch(traceId), "reading trace " + traceId);
    return spans.isEmpty() ? Optional.empty() : Optional.of(Trace.of(spans));
  }

  /** Every span of a trace, all pages. */
  private CompletableFuture<List<Span>> fetch(TraceId traceId) {
    BoundStatement st = selectTrace.bind(SpanRows.traceId(traceId)).setPageSize(5000);
    List<Span> spans = new ArrayList<>();
    return requests.send(st).thenCompose(rs -> collect(rs, spans)).whenComplete((r, e) -> {
      if (e != null) {
        metrics.readFailures.increment();
      } else {
        metrics.tracesRead.increment();
      }
    });
  }

  private static CompletableFuture<List<Span>> collect(AsyncResultSet rs, List<Span> spans) {
    for (Row row : rs.currentPage()) {
      spans.add(SpanRows.span(row));
    }
    if (rs.hasMorePages()) {
      return rs.fetchNextPage().toCompletableFuture().thenCompose(next -> collect(next, spans));
    }
    return CompletableFuture.completedFuture(spans);
  }

  @Override
  public List<Trace> findTraces(TraceQuery query) {
    return search(query);
  }

  @Override
  public List<TraceId> findTraceIds(TraceQuery query) {
    List<TraceId> ids = new ArrayList<>();
    for (Trace t : search(query)) {
      ids.add(t.traceId());
    }
    return ids;
  }

  private List<Trace> search(TraceQuery query) {
    String service = query.serviceName();
    if (service == null) {
      throw new UnsupportedQueryException(
          "the cassandra backend needs a service name to search: its indexes are keyed by service");
    }
    long minMicros = query.startTimeMinNanos() == Long.MIN_VALUE ? 0 : ceilDiv(query.startTimeMinNanos(), 1000);
    long maxMicros = query.startTimeMaxNanos() == Long.MAX_VALUE
        ? Long.MAX_VALUE : Math.floorDiv(query.startTimeMaxNanos(), 1000L);
    if (maxMicros < minMicros) {
      return List.of();
    }
    // Traces have several spans per service: read a few index rows per wanted trace at a time.
    int page = Math.max(50, Math.min(1000, query.limit() * 4));
    List<TagFilter> indexed = new ArrayList<>();
    for (TagFilter tag : query.tags()) {
      if (tag.operator() == TagFilter.Operator.EQUALS && tagIndexHolds(tag)) {
        indexed.add(tag);
      }
    }
    // The driving index: candidates newest first. The other index lookups filter it (Jaeger intersects).
    Iterator<Candidate> drive;
    List<Set<TraceId>> filters = new ArrayList<>();
    String operation = query.operationName();
    if (!indexed.isEmpty()) {
      drive = stream(tagLookup(service, indexed.get(0), minMicros, maxMicros), page);
      for (TagFilter tag : indexed.subList(1, indexed.size())) {
        addFilter(filters, stream(tagLookup(service, tag, minMicros, maxMicros), FILTER_PAGE_SIZE));
      }
      if (operation != null) {
        addFilter(filters, stream(byOperation.bind(service, operation, minMicros, maxMicros), FILTER_PAGE_SIZE));
      }
    } else if (query.hasDurationBounds() && maxMicros != Long.MAX_VALUE
        && (CassandraSpanWriter.roundToHour(maxMicros) - CassandraSpanWriter.roundToHour(minMicros))
            / CassandraSpanWriter.HOUR_MICROS < MAX_DURATION_BUCKETS) {
      drive = durationStream(service, operation, query, minMicros, maxMicros, page);
    } else {
      drive = serviceStream(service, operation, minMicros, maxMicros, page);
    }
    return verify(drive, filters, query);
  }

  /**
   * Fetches candidates in index order, a few at a time, keeping the traces with a span that matches;
   * stops at the limit. Returns them newest first by the trace's earliest span.
   */
  private List<Trace> verify(Iterator<Candidate> candidates, List<Set<TraceId>> filters, TraceQuery query) {
    Set<TraceId> seen = new HashSet<>();
    List<Trace> found = new ArrayList<>();
    ArrayDeque<CompletableFuture<List<Span>>> inFlight = new ArrayDeque<>();
    int fetched = 0;
    boolean more = true;
    while (found.size() < query.limit() && (more || !inFlight.isEmpty())) {
      while (more && inFlight.size() < FETCH_AHEAD) {
        if (!candidates.hasNext()) {
          more = false;
          break;
        }
        TraceId id = candidates.next().traceId;
        if (!seen.add(id) || !passes(filters, id)) {
          continue;
        }
        if (++fetched > MAX_CANDIDATES) {
          LOG.warn("cassandra search {} stopped after {} candidate traces with {} found", query, MAX_CANDIDATES,
              found.size());
          more = false;
          break;
        }
        inFlight.add(fetch(id));
      }
      CompletableFuture<List<Span>> next = inFlight.poll();
      if (next == null) {
        break;
      }
      List<Span> spans = Requests.await(next, "reading a trace found by " + query);
      for (Span span : spans) {
        if (query.matches(span)) {
          found.add(Trace.of(spans));
          break;
        }
      }
    }
    inFlight.forEach(f -> f.cancel(false));
    found.sort(Comparator.comparingLong(Trace::startTimeNanos).reversed()
        .thenComparing(Trace::traceId, Comparator.reverseOrder()));
    return found.size() > query.limit() ? new ArrayList<>(found.subList(0, query.limit())) : found;
  }

  private static boolean passes(List<Set<TraceId>> filters, TraceId id) {
    for (Set<TraceId> f : filters) {
      if (!f.contains(id)) {
        return false;
      }
    }
    return true;
  }

  /** Loads an index lookup as a filter; one too large to hold narrows nothing and is dropped. */
  private static void addFilter(List<Set<TraceId>> filters, Iterator<Candidate> rows) {
    Set<TraceId> ids = new HashSet<>();
    int n = 0;
    while (rows.hasNext()) {
      if (++n > MAX_FILTER_ROWS) {
        return;
      }
      ids.add(rows.next().traceId);
    }
    filters.add(ids);
  }

  /**
   * Whether {@code tag_index} holds every span with this tag value: all of span tags, process tags and
   * log fields are indexed for the key, and the value is one Jaeger's writer indexes.
   */
  private boolean tagIndexHolds(TagFilter tag) {
    return index.complete(tag.key()) && CassandraSpanWriter.shouldIndex(tag.key(), tag.value());
  }

  private BoundStatement tagLookup(String service, TagFilter tag, long min, long max) {
    return byTag.bind(service, tag.key(), tag.value(), min, max);
  }

  /** The operation's index, or the merge of the service's ten buckets, newest first. */
  private Iterator<Candidate> serviceStream(String service, @Nullable String operation, long min, long max,
      int page) {
    if (operation != null) {
      return stream(byOperation.bind(service, operation, min, max), page);
    }
    List<Iterator<Candidate>> buckets = new ArrayList<>();
    for (int b = 0; b < CassandraSpanWriter.BUCKETS; b++) {
      buckets.add(stream(byServiceBucket.bind(service, b, min, max), Math.max(20, page / 5)));
    }
    return merge(buckets);
  }

  /**
   * Hour buckets newest first; within a bucket the rows come by duration, so each bucket is sorted by
   * start time before it is handed on. A bucket with more than {@value #DURATION_BUCKET_ROWS} rows in the
   * range shows the range does not narrow much: from there on the service (or operation) index is
   * read instead, newest first, and the duration checked on the spans.
   */
  private Iterator<Candidate> durationStream(String service, @Nullable String operation, TraceQuery query,
      long min, long max, int page) {
    long minDuration = ceilDiv(query.durationMinNanos(), 1000);
    long maxDuration = query.durationMaxNanos() == Long.MAX_VALUE
        ? Long.MAX_VALUE : Math.floorDiv(query.durationMaxNanos(), 1000L);
    long first = CassandraSpanWriter.roundToHour(min);
    long last = CassandraSpanWriter.roundToHour(max);
    String op = operation == null ? "" : operation;
    return new Iterator<>() {
      long bucket = last;
      Iterator<Candidate> current = java.util.Collections.emptyIterator();
      boolean fellBack;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && bucket >= first && !fellBack) {
          List<Candidate> rows = new ArrayList<>();
          Iterator<Candidate> it = stream(byDuration.bind(service, op, Instant.ofEpochMilli(bucket / 1000),
              minDuration, maxDuration), DURATION_BUCKET_ROWS + 1);
          int read = 0;
          while (it.hasNext() && read <= DURATION_BUCKET_ROWS) {
            Candidate c = it.next();
            read++;
            if (c.startMicros >= min && c.startMicros <= max) {
              rows.add(c);
            }
          }
          if (read > DURATION_BUCKET_ROWS) {
            // The bucket holds starts up to half an hour after its hour.
            long upTo = Math.min(max, bucket + CassandraSpanWriter.HOUR_MICROS / 2);
            current = serviceStream(service, operation, min, upTo, page);
            fellBack = true;
            break;
          }
          rows.sort(Comparator.comparingLong((Candidate c) -> c.startMicros).reversed());
          current = rows.iterator();
          bucket -= CassandraSpanWriter.HOUR_MICROS;
        }
        return current.hasNext();
      }

      @Override
      public Candidate next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** Rows {@code (trace_id, start_time)} of one index query, page by page. */
  private Iterator<Candidate> stream(BoundStatement statement, int pageSize) {
    CompletableFuture<AsyncResultSet> first = requests.send(statement.setPageSize(pageSize));
    return new Iterator<>() {
      @Nullable AsyncResultSet page;
      @Nullable Iterator<Row> rows;

      @Override
      public boolean hasNext() {
        if (page == null) {
          page = Requests.await(first, "an index lookup");
          rows = page.currentPage().iterator();
        }
        while (!rows.hasNext() && page.hasMorePages()) {
          page = Requests.await(page.fetchNextPage().toCompletableFuture(), "an index lookup");
          rows = page.currentPage().iterator();
        }
        return rows.hasNext();
      }

      @Override
      public Candidate next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = rows.next();
        return new Candidate(SpanRows.traceId(row.getByteBuffer(0)), row.getLong(1));
      }
    };
  }

  /** Merges streams that are each newest first into one newest-first stream. */
  private static Iterator<Candidate> merge(List<Iterator<Candidate>> streams) {
    PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong((Head h) -> h.candidate.startMicros)
        .reversed());
    return new Iterator<>() {
      boolean started;

      @Override
      public boolean hasNext() {
        if (!started) {
          started = true;
          for (Iterator<Candidate> s : streams) {
            if (s.hasNext()) {
              heads.add(new Head(s.next(), s));
            }
          }
        }
        return !heads.isEmpty();
      }

      @Override
      public Candidate next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Head h = heads.poll();
        if (h.rest.hasNext()) {
          heads.add(new Head(h.rest.next(), h.rest));
        }
        return h.candidate;
      }
    };
  }

  private record Candidate(TraceId traceId, long startMicros) {}

  private record Head(Candidate candidate, Iterator<Candidate> rest) {}

  @Override
  public List<String> getServices() {
    TreeSet<String> services = new TreeSet<>();
    try {
      for (Row row : session.execute(SimpleStatement.newInstance("SELECT service_name FROM " + keyspace
          + ".service_names").setPageSize(5000))) {
        services.add(row.getString(0));
      }
    } catch (DriverException e) {
      metrics.readFailures.increment();
      throw Requests.storageException("reading services", e);
    }
    return new ArrayList<>(services);
  }

  @Override
  public List<Operation> getOperations(String service, @Nullable SpanKind kind) {
    BoundStatement st = kind == null ? operations.bind(service) : operationsOfKind.bind(service, kind.tagValue());
    TreeSet<Operation> out = new TreeSet<>();
    for (Row row : Requests.allRows(requests.send(st), "reading operations")) {
      String k = row.getString(0);
      out.add(new Operation(row.getString(1), SpanKind.fromTagValue(k == null ? "" : k)));
    }
    return new ArrayList<>(out);
  }

  /**
   * The traces of a window, each once and whole. A window of at most a quarter of the span TTL reads
   * the ten {@code service_name_index} buckets of every service for the window's trace ids (holding
   * them to visit each trace once) and fetches those traces; a wider or unbounded window scans the
   * {@code traces} table in token order instead, where the rows of one trace come together, so each
   * trace is assembled from consecutive rows without holding any ids.
   */
  @Override
  public void scanTraces(TimeWindow window, Consumer<Trace> consumer) {
    long length = window.isUnbounded() || window.startNanos() == Long.MIN_VALUE || window.endNanos() == Long.MAX_VALUE
        ? Long.MAX_VALUE : window.endNanos() - window.startNanos();
    boolean narrow = length != Long.MAX_VALUE && length >= 0
        && (spanTtlSeconds <= 0 || length / 1_000_000_000L <= spanTtlSeconds / 4);
    try {
      if (narrow) {
        scanByIndex(window, consumer);
        return;
      }
      SimpleStatement scan = SimpleStatement.newInstance("SELECT trace_id, span_id, parent_id, operation_name, flags,"
          + " start_time, duration, tags, logs, refs, process FROM " + keyspace + ".traces").setPageSize(2000);
      scan(scan, window, consumer);
    } catch (DriverException e) {
      metrics.readFailures.increment();
      throw Requests.storageException("scanning traces", e);
    }
  }

  private void scanByIndex(TimeWindow window, Consumer<Trace> consumer) {
    long min = ceilDiv(window.startNanos(), 1000);
    long max = Math.floorDiv(window.endNanos(), 1000L);
    Set<TraceId> seen = new HashSet<>();
    ArrayDeque<CompletableFuture<List<Span>>> inFlight = new ArrayDeque<>();
    for (String service : getServices()) {
      Iterator<Candidate> ids = serviceStream(service, null, min, max, 5000);
      while (ids.hasNext()) {
        TraceId id = ids.next().traceId;
        if (!seen.add(id)) {
          continue;
        }
        inFlight.add(fetch(id));
        if (inFlight.size() >= FETCH_AHEAD) {
          emit(inFlight.poll(), consumer);
        }
      }
    }
    while (!inFlight.isEmpty()) {
      emit(inFlight.poll(), consumer);
    }
  }

  private static void emit(CompletableFuture<List<Span>> fetched, Consumer<Trace> consumer) {
    List<Span> spans = Requests.await(fetched, "reading a trace of the window");
    if (!spans.isEmpty()) {
      consumer.accept(Trace.of(spans));
    }
  }

  private void scan(SimpleStatement scan, TimeWindow window, Consumer<Trace> consumer) {
    ByteBuffer current = null;
    List<Span> spans = new ArrayList<>();
    boolean inWindow = false;
    for (Row row : session.execute(scan)) {
      ByteBuffer id = row.getByteBuffer(0);
      if (current != null && !current.equals(id)) {
        if (inWindow) {
          consumer.accept(Trace.of(spans));
        }
        spans = new ArrayList<>();
        inWindow = false;
      }
      current = id;
      Span span = SpanRows.span(row);
      spans.add(span);
      inWindow |= window.contains(span.startTimeNanos());
    }
    if (current != null && inWindow) {
      consumer.accept(Trace.of(spans));
    }
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
