package io.spoor.storage.rocksdb;

import io.spoor.model.Span;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import io.spoor.storage.rocksdb.CandidateSource.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;

/**
 * One search: picks the most selective index for the query, walks it newest first, loads each
 * candidate trace once and keeps it when one of its spans satisfies the whole query.
 *
 * <p>Index choice: an equality tag filter with the service ({@code t}), else the operation ({@code
 * o}), else a duration range ({@code d}, when it holds at most {@link DurationScan#MAX_ENTRIES}
 * entries), else the service ({@code v}); without a service, every span by time ({@code a}).
 *
 * <p>Order: traces are ranked by their earliest span start, newest first, ties by trace id. The walk
 * stops once {@code limit} traces are held and the next entry starts before the earliest start of
 * the last one held: every later candidate starts even earlier, so none can displace it.
 */
final class TraceSearch {
  /** Newest first by trace start, then greater id first, as the memory backend orders them. */
  static final Comparator<Found> NEWEST_FIRST =
      Comparator.comparingLong(Found::startNanos).thenComparing(Found::traceId).reversed();

  private final TraceLoader loader;

  TraceSearch(TraceLoader loader) {
    this.loader = loader;
  }

  List<Found> run(RocksDB db, List<ColumnFamilyHandle> buckets, TraceQuery query) {
    PriorityQueue<Found> best = new PriorityQueue<>(NEWEST_FIRST.reversed());
    Set<TraceId> seen = new HashSet<>();
    try (CandidateSource source = chooseSource(db, buckets, query)) {
      for (Candidate c = source.next(); c != null; c = source.next()) {
        if (best.size() == query.limit() && c.startNanos() < best.peek().startNanos()) {
          break;
        }
        if (!seen.add(c.traceId())) {
          continue;
        }
        List<Span> spans = loader.load(db, buckets, c.traceId());
        if (!anyMatches(spans, query)) {
          continue;
        }
        best.add(new Found(Trace.of(spans)));
        if (best.size() > query.limit()) {
          best.poll();
        }
      }
    }
    List<Found> out = new ArrayList<>(best);
    out.sort(NEWEST_FIRST);
    return out;
  }

  private static boolean anyMatches(List<Span> spans, TraceQuery query) {
    for (Span span : spans) {
      if (query.matches(span)) {
        return true;
      }
    }
    return false;
  }

  private static CandidateSource chooseSource(RocksDB db, List<ColumnFamilyHandle> buckets, TraceQuery query) {
    long min = query.startTimeMinNanos();
    long max = query.startTimeMaxNanos();
    String service = query.serviceName();
    if (service == null) {
      return new IndexScan(db, buckets, Keys.indexPrefix(Keys.BY_TIME), min, max);
    }
    TagFilter tag = indexableTag(query);
    if (tag != null) {
      return new IndexScan(db, buckets, Keys.indexPrefix(Keys.BY_TAG, service, tag.key(), tag.value()), min, max);
    }
    if (query.operationName() != null) {
      return new IndexScan(db, buckets, Keys.indexPrefix(Keys.BY_OPERATION, service, query.operationName()),
          min, max);
    }
    if (query.hasDurationBounds()) {
      DurationScan scan = DurationScan.load(db, buckets, service, query.durationMinNanos(),
          query.durationMaxNanos(), min, max);
      if (scan != null) {
        return scan;
      }
    }
    return new IndexScan(db, buckets, Keys.indexPrefix(Keys.BY_SERVICE, service), min, max);
  }

  /** The first equality filter whose key and value the writer indexed. */
  private static @Nullable TagFilter indexableTag(TraceQuery query) {
    for (TagFilter tag : query.tags()) {
      if (tag.operator() == TagFilter.Operator.EQUALS
          && tag.key().length() <= RocksDbSpanWriter.MAX_INDEXED_LENGTH
          && tag.value().length() <= RocksDbSpanWriter.MAX_INDEXED_LENGTH) {
        return tag;
      }
    }
    return null;
  }

  /** A matching trace and its earliest span start. */
  record Found(Trace trace, long startNanos, TraceId traceId) {
    Found(Trace trace) {
      this(trace, trace.startTimeNanos(), trace.traceId());
    }
  }
}
