package io.spoor.codec.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Floats inside array/map attributes are written as Go's encoding/json writes them. */
class OtlpAttributesTest {

  @ParameterizedTest
  @CsvSource({
      "0.1, 0.1",
      "2.0, 2",
      "-0.0, -0",
      "123456789.125, 123456789.125",
      "1e20, 100000000000000000000",
      "1e21, 1e+21",
      "1.5e300, 1.5e+300",
      "0.000001, 0.000001",
      "1e-7, 1e-7",
      "-2.5e-7, -2.5e-7"})
  void goFloatMatchesGoEncodingJson(double value, String expected) {
    assertThat(OtlpAttributes.goFloat(value)).isEqualTo(expected);
  }
}
