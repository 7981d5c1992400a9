package io.spoor.query.grpc;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Protobuf times and the {@code TraceQueryParameters} of api_v2 and api_v3 (two messages with the same
 * fields) turned into Spoor's values. Unset messages mean "unbounded"; a search depth of 0 (unset in
 * proto3) means {@link TraceQuery#DEFAULT_LIMIT}.
 */
final class ProtoQueries {
  private ProtoQueries() {}

  /** Epoch nanoseconds, saturated to the range of a long. */
  static long nanos(Timestamp t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getSeconds(), 1_000_000_000L), t.getNanos());
    } catch (ArithmeticException e) {
      return t.getSeconds() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Nanoseconds, saturated to the range of a long. */
  static long nanos(Duration d) {
    try {
      return Math.addExact(Math.multiplyExact(d.getSeconds(), 1_000_000_000L), d.getNanos());
    } catch (ArithmeticException e) {
      return d.getSeconds() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * The query; every argument but the tags may be unset.
   *
   * @throws IllegalArgumentException naming the field and what was expected
   */
  static TraceQuery query(String service, String operation, Map<String, String> tags,
      @Nullable Timestamp startMin, @Nullable Timestamp startMax, @Nullable Duration durationMin,
      @Nullable Duration durationMax, int searchDepth) {
    TraceQuery.Builder q = TraceQuery.newBuilder().serviceName(service).operationName(operation);
    for (Map.Entry<String, String> tag : new TreeMap<>(tags).entrySet()) {
      q.addTag(TagFilter.equalTo(tag.getKey(), tag.getValue()));
    }
    long min = startMin == null ? Long.MIN_VALUE : nanos(startMin);
    long max = startMax == null ? Long.MAX_VALUE : nanos(startMax);
    if (max < min) {
      throw new IllegalArgumentException("start_time_max: " + max + "ns (expected: not before start_time_min "
          + min + "ns)");
    }
    q.startTimeMinNanos(min).startTimeMaxNanos(max);
    long dMin = durationMin == null ? 0 : nanos(durationMin);
    long dMax = durationMax == null ? Long.MAX_VALUE : nanos(durationMax);
    if (dMin < 0) {
      throw new IllegalArgumentException("duration_min: " + dMin + "ns (expected: >= 0)");
    }
    if (dMax < dMin) {
      throw new IllegalArgumentException(
          "duration_max: " + dMax + "ns (expected: >= duration_min " + dMin + "ns)");
    }
    q.durationMinNanos(dMin).durationMaxNanos(dMax);
    if (searchDepth < 0) {
      throw new IllegalArgumentException("search_depth: " + searchDepth + " (expected: > 0, or 0 for "
          + TraceQuery.DEFAULT_LIMIT + ")");
    }
    q.limit(searchDepth == 0 ? TraceQuery.DEFAULT_LIMIT : searchDepth);
    return q.build();
  }
}
