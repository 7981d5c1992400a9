package io.spoor.codec.uijson;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoFloatFormatTest {
  @Test
  void plainNotationBetweenOneMillionthAnd1e21() {
    assertThat(GoFloatFormat.format(72.5)).isEqualTo("72.5");
    assertThat(GoFloatFormat.format(3.0)).isEqualTo("3");
    assertThat(GoFloatFormat.format(-3.25)).isEqualTo("-3.25");
    assertThat(GoFloatFormat.format(0.000001)).isEqualTo("0.000001");
    assertThat(GoFloatFormat.format(1e20)).isEqualTo("100000000000000000000");
    assertThat(GoFloatFormat.format(0.1)).isEqualTo("0.1");
    assertThat(GoFloatFormat.format(123456789.125)).isEqualTo("123456789.125");
  }

  @Test
  void exponentNotationOutsideThatRangeWithoutPadding() {
    assertThat(GoFloatFormat.format(1e21)).isEqualTo("1e+21");
    assertThat(GoFloatFormat.format(-2.5e22)).isEqualTo("-2.5e+22");
    assertThat(GoFloatFormat.format(1.5e-7)).isEqualTo("1.5e-7");
    assertThat(GoFloatFormat.format(1e-10)).isEqualTo("1e-10");
    assertThat(GoFloatFormat.format(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(GoFloatFormat.format(Double.MIN_VALUE)).isEqualTo("5e-324");
  }

  @Test
  void outputReadsBackAsTheSameDouble() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 2_000; i++) {
      double v = Double.longBitsToDouble(random.nextLong());
      if (!GoFloatFormat.isFinite(v)) {
        continue;
      }
      String text = GoFloatFormat.format(v);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(v);
      assertThat(text).doesNotContain("E").doesNotEndWith(".0");
    }
  }

  @Test
  void zeroKeepsItsSign() {
    assertThat(GoFloatFormat.format(0.0)).isEqualTo("0");
    assertThat(GoFloatFormat.format(-0.0)).isEqualTo("-0");
  }

  @Test
  void nonFiniteValuesHaveJaegersNames() {
    assertThat(GoFloatFormat.isFinite(Double.NaN)).isFalse();
    assertThat(GoFloatFormat.isFinite(Double.POSITIVE_INFINITY)).isFalse();
    assertThat(GoFloatFormat.isFinite(1)).isTrue();
    assertThat(GoFloatFormat.nonFinite(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloatFormat.nonFinite(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloatFormat.nonFinite(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
  }
}
