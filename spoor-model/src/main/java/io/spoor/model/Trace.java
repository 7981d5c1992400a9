package io.spoor.model;

import java.util.List;
import java.util.Objects;

/**
 * The spans of one trace, in the order a reader produced them, plus trace-level warnings (for
 * example from the query adjusters). Never empty.
 */
public record Trace(List<Span> spans, List<String> warnings) {
  public Trace {
    spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
    warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    if (spans.isEmpty()) {
      throw new IllegalArgumentException("spans: [] (expected: at least one span)");
    }
  }

  public static Trace of(List<Span> spans) {
    return new Trace(spans, List.of());
  }

  /** The id of the first span: every span of a trace carries the same id. */
  public TraceId traceId() {
    return spans.get(0).traceId();
  }

  /** The earliest span start, epoch nanoseconds. */
  public long startTimeNanos() {
    long min = Long.MAX_VALUE;
    for (Span s : spans) {
      min = Math.min(min, s.startTimeNanos());
    }
    return min;
  }
}
