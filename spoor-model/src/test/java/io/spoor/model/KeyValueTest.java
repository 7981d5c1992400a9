package io.spoor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KeyValueTest {
  @Test
  void rendersValuesAsJaegerDoes() {
    assertThat(KeyValue.of("b", true).valueAsString()).isEqualTo("true");
    assertThat(KeyValue.of("i", 123L).valueAsString()).isEqualTo("123");
    assertThat(KeyValue.of("f", 72.5).valueAsString()).isEqualTo("72.5");
    assertThat(KeyValue.of("f", 3.0).valueAsString()).isEqualTo("3");
    assertThat(KeyValue.of("f", 0.1).valueAsString()).isEqualTo("0.1");
    assertThat(KeyValue.of("f", 1e20).valueAsString()).isEqualTo("1e+20");
    assertThat(KeyValue.of("f", 1.5e-7).valueAsString()).isEqualTo("1.5e-07");
    assertThat(KeyValue.ofBinary("x", new byte[] {0, 0, 0x30, 0x39}).valueAsString()).isEqualTo("00003039");
  }

  @Test
  void typedAccessOfTheWrongTypeIsRefused() {
    assertThatThrownBy(() -> KeyValue.of("k", "v").longValue())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("holds a string value, not int64");
  }

  @Test
  void equalityIsTyped() {
    assertThat(KeyValue.of("k", "1")).isNotEqualTo(KeyValue.of("k", 1L));
    assertThat(KeyValue.ofBinary("k", new byte[] {1})).isEqualTo(KeyValue.ofBinary("k", new byte[] {1}));
    assertThat(KeyValue.of("k", 0.5)).hasSameHashCodeAs(KeyValue.of("k", 0.5));
  }
}
