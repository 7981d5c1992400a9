package io.spoor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {
  @Test
  void parsesGoDurations() {
    assertThat(GoDuration.parse("1.5ms")).isEqualTo(Duration.ofNanos(1_500_000));
    assertThat(GoDuration.parse("2s")).isEqualTo(Duration.ofSeconds(2));
    assertThat(GoDuration.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("500us")).isEqualTo(Duration.ofNanos(500_000));
    assertThat(GoDuration.parse("500µs")).isEqualTo(Duration.ofNanos(500_000));
    assertThat(GoDuration.parse("5000ns")).isEqualTo(Duration.ofNanos(5000));
    assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
    assertThat(GoDuration.parse("-2s")).isEqualTo(Duration.ofSeconds(-2));
    assertThat(GoDuration.parse("72h")).isEqualTo(Duration.ofHours(72));
  }

  @Test
  void formatsAsGoDoes() {
    assertThat(GoDuration.format(Duration.ofNanos(125_000))).isEqualTo("125µs");
    assertThat(GoDuration.format(Duration.ofNanos(1_500_000))).isEqualTo("1.5ms");
    assertThat(GoDuration.format(Duration.ofSeconds(2))).isEqualTo("2s");
    assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(GoDuration.format(Duration.ofHours(72))).isEqualTo("72h0m0s");
    assertThat(GoDuration.format(Duration.ofNanos(-5))).isEqualTo("-5ns");
    assertThat(GoDuration.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void refusesWhatGoRefuses() {
    for (String bad : new String[] {"", "5", "1x", "ms", "1..2s", "-", "1h 2m"}) {
      assertThatThrownBy(() -> GoDuration.parse(bad))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: a duration");
    }
  }
}
