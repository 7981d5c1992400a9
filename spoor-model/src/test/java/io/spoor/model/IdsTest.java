package io.spoor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdsTest {
  @Test
  void traceIdRendersSixteenCharsWhenHighIsZero() {
    assertThat(TraceId.of(0x11).toHex()).isEqualTo("0000000000000011");
    assertThat(TraceId.of(1, 2).toHex()).isEqualTo("00000000000000010000000000000002");
    assertThat(TraceId.of(0x11).toHex128()).isEqualTo("00000000000000000000000000000011");
  }

  @Test
  void traceIdParsesShortAndLongAndMixedCase() {
    assertThat(TraceId.parse("11")).isEqualTo(TraceId.of(0x11));
    assertThat(TraceId.parse("0000000000000011")).isEqualTo(TraceId.of(0x11));
    assertThat(TraceId.parse("00000000000000010000000000000002")).isEqualTo(TraceId.of(1, 2));
    assertThat(TraceId.parse("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")).isEqualTo(TraceId.of(-1, -1));
    assertThat(TraceId.parse("123456789abcdef0123")).isEqualTo(TraceId.of(0x123, 0x456789abcdef0123L));
  }

  @Test
  void traceIdRefusesBadInputWithTheValueInTheMessage() {
    assertThatThrownBy(() -> TraceId.parse(""))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 32 hex digits");
    assertThatThrownBy(() -> TraceId.parse("0".repeat(33)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 33");
    assertThatThrownBy(() -> TraceId.parse("12x4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"12x4\"").hasMessageContaining("'x' at 2");
  }

  @Test
  void traceIdBytesRoundTrip() {
    TraceId id = TraceId.of(0x0102030405060708L, 0x090a0b0c0d0e0f10L);
    assertThat(id.toBytes()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
    assertThat(TraceId.fromBytes(id.toBytes())).isEqualTo(id);
    assertThat(TraceId.fromBytes(new byte[] {0, 0, 0, 0, 0, 0, 0, 5})).isEqualTo(TraceId.of(5));
    assertThatThrownBy(() -> TraceId.fromBytes(new byte[3])).hasMessageContaining("3 bytes");
  }

  @Test
  void traceIdOrdersUnsigned() {
    assertThat(TraceId.of(-1, 0)).isGreaterThan(TraceId.of(1, 0));
    assertThat(TraceId.of(0, -1)).isGreaterThan(TraceId.of(0, 1));
  }

  @Test
  void spanIdParsesAndRenders() {
    assertThat(SpanId.parse("3").toHex()).isEqualTo("0000000000000003");
    assertThat(SpanId.parse("ffffffffffffffff")).isEqualTo(SpanId.of(-1));
    assertThat(SpanId.fromBytes(SpanId.of(-2).toBytes())).isEqualTo(SpanId.of(-2));
    assertThatThrownBy(() -> SpanId.parse("0".repeat(17))).hasMessageContaining("1 to 16");
    assertThatThrownBy(() -> SpanId.parse("zz")).hasMessageContaining("'z' at 0");
  }
}
