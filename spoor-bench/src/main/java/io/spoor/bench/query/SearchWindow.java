package io.spoor.bench.query;

/**
 * The time range a search covers, in microseconds since the epoch, both ends included. Spoor takes it as
 * {@code start}/{@code end} in microseconds; Zipkin as {@code endTs} and {@code lookback} in milliseconds,
 * rounded outwards so that Zipkin's window is never narrower than Spoor's.
 */
record SearchWindow(long startMicros, long endMicros) {
  SearchWindow {
    if (startMicros < 0 || endMicros < startMicros) {
      throw new IllegalArgumentException("search window: [" + startMicros + ", " + endMicros
          + "] µs (expected: 0 <= start <= end)");
    }
  }

  /** Zipkin's {@code endTs}: the end rounded up to a millisecond. */
  long zipkinEndTsMillis() {
    return Math.floorDiv(endMicros + 999, 1000);
  }

  /** Zipkin's {@code lookback}: from the start rounded down to a millisecond up to {@link #zipkinEndTsMillis}. */
  long zipkinLookbackMillis() {
    return zipkinEndTsMillis() - Math.floorDiv(startMicros, 1000);
  }
}
