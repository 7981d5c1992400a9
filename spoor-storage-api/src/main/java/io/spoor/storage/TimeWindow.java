package io.spoor.storage;

/** A closed range of epoch nanoseconds. */
public record TimeWindow(long startNanos, long endNanos) {
  /** Every instant. */
  public static final TimeWindow UNBOUNDED = new TimeWindow(Long.MIN_VALUE, Long.MAX_VALUE);

  public TimeWindow {
    if (endNanos < startNanos) {
      throw new IllegalArgumentException(
          "time window: end " + endNanos + " < start " + startNanos + " (expected: end >= start)");
    }
  }

  public boolean contains(long nanos) {
    return nanos >= startNanos && nanos <= endNanos;
  }

  public boolean isUnbounded() {
    return startNanos == Long.MIN_VALUE && endNanos == Long.MAX_VALUE;
  }
}
