package io.spoor.storage.rocksdb;

import io.spoor.codec.DecodeException;
import io.spoor.codec.jaeger.proto.JaegerProtoCodec;
import io.spoor.model.Span;
import io.spoor.model.TraceId;
import io.spoor.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;

/**
 * Reads the spans of one trace: one prefix scan of {@code S traceId} per bucket, which the prefix
 * bloom filter lets RocksDB skip in files that hold none of it.
 */
final class TraceLoader {
  private final JaegerProtoCodec codec;

  TraceLoader(JaegerProtoCodec codec) {
    this.codec = codec;
  }

  /** Every stored span of the trace, empty when none. */
  List<Span> load(RocksDB db, List<ColumnFamilyHandle> buckets, TraceId traceId) {
    byte[] prefix = Keys.tracePrefix(traceId);
    List<Span> spans = new ArrayList<>();
    try (ReadOptions options = new ReadOptions().setPrefixSameAsStart(true)) {
      for (ColumnFamilyHandle bucket : buckets) {
        try (RocksIterator it = db.newIterator(bucket, options)) {
          for (it.seek(prefix); it.isValid() && Keys.startsWith(it.key(), prefix); it.next()) {
            spans.add(decode(it.value(), traceId));
          }
        }
      }
    }
    return spans;
  }

  private Span decode(byte[] value, TraceId traceId) {
    try {
      return codec.decodeSpan(value);
    } catch (DecodeException e) {
      throw new StorageException("rocksdb: a stored span of trace " + traceId + " is corrupt: " + e.getMessage(), e);
    }
  }
}
