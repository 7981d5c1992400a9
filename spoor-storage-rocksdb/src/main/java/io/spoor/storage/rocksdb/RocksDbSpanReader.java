package io.spoor.storage.rocksdb;

import io.spoor.model.Span;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Operation;
import io.spoor.storage.SpanReader;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * Reads traces, searches and names. Services and operations are small keys of their own, listed
 * without touching spans. The time hint of {@link #getTrace} is ignored: a bucket holds what was
 * written in its time, not spans of a start-time range, and the prefix bloom filter makes a bucket
 * without the trace cheap to skip.
 */
final class RocksDbSpanReader implements SpanReader {
  private final BucketedDatabase database;
  private final TraceLoader loader;
  private final TraceSearch search;

  RocksDbSpanReader(BucketedDatabase database, TraceLoader loader) {
    this.database = database;
    this.loader = loader;
    this.search = new TraceSearch(loader);
  }

  @Override
  public Optional<Trace> getTrace(TraceId traceId, TimeWindow hint) {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(hint, "hint");
    List<Span> spans = database.read((db, buckets) -> loader.load(db, buckets, traceId));
    return spans.isEmpty() ? Optional.empty() : Optional.of(Trace.of(spans));
  }

  @Override
  public List<Trace> findTraces(TraceQuery query) {
    Objects.requireNonNull(query, "query");
    List<TraceSearch.Found> found = database.read((db, buckets) -> search.run(db, buckets, query));
    List<Trace> out = new ArrayList<>(found.size());
    for (TraceSearch.Found f : found) {
      out.add(f.trace());
    }
    return out;
  }

  @Override
  public List<TraceId> findTraceIds(TraceQuery query) {
    Objects.requireNonNull(query, "query");
    List<TraceSearch.Found> found = database.read((db, buckets) -> search.run(db, buckets, query));
    List<TraceId> out = new ArrayList<>(found.size());
    for (TraceSearch.Found f : found) {
      out.add(f.traceId());
    }
    return out;
  }

  @Override
  public List<String> getServices() {
    SortedSet<String> services = new TreeSet<>();
    database.read((db, buckets) -> {
      scanNames(db, buckets, new byte[] {Keys.SERVICE}, names -> services.add(names[0]));
      return null;
    });
    return new ArrayList<>(services);
  }

  @Override
  public List<Operation> getOperations(String service, @Nullable SpanKind kind) {
    Objects.requireNonNull(service, "service");
    SortedSet<Operation> operations = new TreeSet<>();
    database.read((db, buckets) -> {
      scanNames(db, buckets, Keys.operationPrefix(service), names -> {
        SpanKind stored = SpanKind.valueOf(names[2]);
        if (kind == null || kind == stored) {
          operations.add(new Operation(names[1], stored));
        }
      });
      return null;
    });
    return new ArrayList<>(operations);
  }

  private static void scanNames(RocksDB db, List<ColumnFamilyHandle> buckets, byte[] prefix,
      Consumer<String[]> action) {
    try (Slice upper = new Slice(Keys.upperBound(prefix));
        ReadOptions options = new ReadOptions().setTotalOrderSeek(true).setIterateUpperBound(upper)) {
      for (ColumnFamilyHandle bucket : buckets) {
        try (RocksIterator it = db.newIterator(bucket, options)) {
          for (it.seek(prefix); it.isValid(); it.next()) {
            action.accept(Keys.decodeStrings(it.key()));
          }
        }
      }
    }
  }
}
