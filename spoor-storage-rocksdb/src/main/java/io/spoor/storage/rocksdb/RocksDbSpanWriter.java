package io.spoor.storage.rocksdb;

import io.spoor.codec.jaeger.proto.JaegerProtoCodec;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Span;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.StorageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes each span once (api_v2 protobuf, keyed by trace) plus its index entries, and the service
 * and operation names, in one atomic write batch per call. {@link #write} returns once RocksDB has
 * appended the batch to its write-ahead log (and fsynced it with {@code --rocksdb.sync-writes}).
 * Concurrent callers are group-committed by RocksDB: one WAL write serves many batches.
 *
 * <p>Tag values longer than {@link #MAX_INDEXED_LENGTH} characters are stored but not indexed; a
 * search for one falls back to scanning the service's spans.
 */
final class RocksDbSpanWriter implements SpanWriter {
  static final int MAX_INDEXED_LENGTH = 256;
  /** Service and operation keys already written to a bucket; cleared when it grows past this. */
  private static final int NAMES_CACHE_LIMIT = 100_000;
  private static final byte[] EMPTY = new byte[0];

  private final BucketedDatabase database;
  private final JaegerProtoCodec codec;
  private final RocksDbMetrics metrics;
  private final Set<NameKey> namesWritten = ConcurrentHashMap.newKeySet();

  RocksDbSpanWriter(BucketedDatabase database, JaegerProtoCodec codec, RocksDbMetrics metrics) {
    this.database = database;
    this.codec = codec;
    this.metrics = metrics;
  }

  @Override
  public void write(List<Span> spans) {
    Objects.requireNonNull(spans, "spans");
    if (spans.isEmpty()) {
      return;
    }
    byte[][] encoded = new byte[spans.size()][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = codec.encodeSpan(Objects.requireNonNull(spans.get(i), "span"));
    }
    List<NameKey> newNames = new ArrayList<>();
    try {
      database.write((batch, bucketStart, bucket) -> {
        for (int i = 0; i < encoded.length; i++) {
          put(batch, bucketStart, bucket, spans.get(i), encoded[i], newNames);
        }
      });
    } catch (RocksDBException | StorageException e) {
      metrics.writeFailed(spans.size(), e.getMessage());
      if (e instanceof StorageException) {
        throw (StorageException) e;
      }
      throw new StorageException("rocksdb write of " + spans.size() + " spans to " + database.path()
          + " failed: " + e.getMessage(), e);
    }
    if (namesWritten.size() > NAMES_CACHE_LIMIT) {
      namesWritten.clear();
    }
    namesWritten.addAll(newNames);
    metrics.written(spans.size());
  }

  private void put(WriteBatch batch, long bucketStart, ColumnFamilyHandle bucket, Span span, byte[] encoded,
      List<NameKey> newNames) throws RocksDBException {
    long start = span.startTimeNanos();
    batch.put(bucket, Keys.span(span.traceId(), start, span.spanId(), Arrays.hashCode(encoded)), encoded);
    String service = span.serviceName();
    index(batch, bucket, Keys.indexPrefix(Keys.BY_TIME), span);
    index(batch, bucket, Keys.indexPrefix(Keys.BY_SERVICE, service), span);
    index(batch, bucket, Keys.indexPrefix(Keys.BY_OPERATION, service, span.operationName()), span);
    batch.put(bucket, Keys.indexEntry(
        Keys.durationPrefix(Keys.indexPrefix(Keys.BY_DURATION, service), span.durationNanos()),
        start, span.traceId()), EMPTY);
    for (KeyValue tag : distinctTags(span)) {
      index(batch, bucket, Keys.indexPrefix(Keys.BY_TAG, service, tag.key(), tag.valueAsString()), span);
    }
    String kind = span.kind().name();
    if (isNew(new NameKey(bucketStart, service, "", ""), newNames)) {
      batch.put(bucket, Keys.service(service), EMPTY);
    }
    if (isNew(new NameKey(bucketStart, service, span.operationName(), kind), newNames)) {
      batch.put(bucket, Keys.operation(service, span.operationName(), kind), EMPTY);
    }
  }

  private static void index(WriteBatch batch, ColumnFamilyHandle bucket, byte[] prefix, Span span)
      throws RocksDBException {
    batch.put(bucket, Keys.indexEntry(prefix, span.startTimeNanos(), span.traceId()), EMPTY);
  }

  /** Span tags, process tags and log fields short enough to index, each (key, text) once. */
  private static Set<KeyValue> distinctTags(Span span) {
    Set<KeyValue> out = new HashSet<>();
    addIndexable(out, span.tags());
    addIndexable(out, span.process().tags());
    for (Log log : span.logs()) {
      addIndexable(out, log.fields());
    }
    return out;
  }

  private static void addIndexable(Set<KeyValue> out, List<KeyValue> tags) {
    for (KeyValue tag : tags) {
      String text = tag.valueAsString();
      if (tag.key().length() <= MAX_INDEXED_LENGTH && text.length() <= MAX_INDEXED_LENGTH) {
        out.add(KeyValue.of(tag.key(), text));
      }
    }
  }

  /**
   * Whether this name must be written: not known to be in the bucket yet. Names are remembered only
   * once their batch is in the WAL, so a failed write never hides a name.
   */
  private boolean isNew(NameKey key, List<NameKey> newNames) {
    if (namesWritten.contains(key) || newNames.contains(key)) {
      return false;
    }
    newNames.add(key);
    return true;
  }

  /** Forgets the names written, after buckets were dropped. */
  void forgetNames() {
    namesWritten.clear();
  }

  private record NameKey(long bucketStart, String service, String operation, String kind) {}
}
