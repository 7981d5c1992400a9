package io.spoor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void percentilesOfOneToOneThousandMillisecondsAreExactToATenthOfAPercent() {
    LatencyHistogram histogram = new LatencyHistogram();
    for (int millis = 1000; millis >= 1; millis--) {
      histogram.recordNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    assertThat(histogram.count()).isEqualTo(1000);
    assertThat(histogram.percentileMillis(50)).isCloseTo(500, within(0.5));
    assertThat(histogram.percentileMillis(99)).isCloseTo(990, within(1.0));
    assertThat(histogram.percentileMillis(100)).isCloseTo(1000, within(1.0));
    assertThat(histogram.maxMillis()).isCloseTo(1000, within(1.0));
  }

  @Test
  void mergingAddsCountsAndShiftsPercentiles() {
    LatencyHistogram fast = new LatencyHistogram();
    LatencyHistogram slow = new LatencyHistogram();
    for (int i = 0; i < 98; i++) {
      fast.recordNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
    slow.recordNanos(TimeUnit.MILLISECONDS.toNanos(80));
    slow.recordNanos(TimeUnit.MILLISECONDS.toNanos(90));

    fast.add(slow);

    assertThat(fast.count()).isEqualTo(100);
    assertThat(fast.percentileMillis(50)).isCloseTo(0.2, within(0.001));
    assertThat(fast.percentileMillis(99)).isCloseTo(80, within(0.1));
    assertThat(fast.maxMillis()).isCloseTo(90, within(0.1));
  }

  @Test
  void emptyHistogramReportsZeroAndPercentileIsChecked() {
    LatencyHistogram histogram = new LatencyHistogram();

    assertThat(histogram.percentileMillis(99)).isZero();
    assertThat(histogram.maxMillis()).isZero();
    assertThatThrownBy(() -> histogram.percentileMillis(101)).hasMessage("percentile: 101.0 (expected: 0 to 100)");
  }
}
