package io.spoor.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Request latencies in microseconds, kept by HdrHistogram to three significant digits (a quantile is exact to
 * 0.1%) whatever the range. Not thread-safe: one per load thread, merged with {@link #add} after the run.
 */
public final class LatencyHistogram {
  private final Histogram histogram = new Histogram(3);

  public void recordNanos(long nanos) {
    histogram.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
  }

  void add(LatencyHistogram other) {
    histogram.add(other.histogram);
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** The latency at {@code percentile} (0 to 100) in milliseconds, 0 when nothing was recorded. */
  public double percentileMillis(double percentile) {
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile: " + percentile + " (expected: 0 to 100)");
    }
    return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  public double maxMillis() {
    return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue() / 1000.0;
  }
}
