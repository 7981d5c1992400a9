package io.spoor.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test
  void parsesShortAndIsoForms() {
    assertThat(converter.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(converter.convert("15s")).isEqualTo(Duration.ofSeconds(15));
    assertThat(converter.convert("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(converter.convert("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void rejectsOtherForms() {
    assertThatThrownBy(() -> converter.convert("15 seconds"))
        .hasMessage("duration: 15 seconds (expected: e.g. 500ms, 15s, 2m or PT15S)");
  }
}
