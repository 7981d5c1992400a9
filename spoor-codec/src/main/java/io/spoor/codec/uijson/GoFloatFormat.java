package io.spoor.codec.uijson;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double the way Go's {@code encoding/json} writes a {@code float64}: the shortest decimal
 * that reads back as the same double, plain notation ({@code 72.5}, {@code 3}, {@code 0.000001},
 * {@code 100000000000000000000}) unless the magnitude is below 1e-6 or at least 1e21, where it uses an
 * exponent without padding zeros ({@code 1e+21}, {@code 1.5e-7}). JSON has no NaN or infinity, which
 * Go refuses to encode; they are written as the strings {@code "NaN"}, {@code "+Inf"} and {@code
 * "-Inf"} instead (see {@link #isFinite}).
 */
final class GoFloatFormat {
  private GoFloatFormat() {}

  static boolean isFinite(double v) {
    return !Double.isNaN(v) && !Double.isInfinite(v);
  }

  /** The JSON number text for a finite double. */
  static String format(double v) {
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    BigDecimal d = shortest(v);
    double abs = Math.abs(v);
    if (abs >= 1e-6 && abs < 1e21) {
      return d.toPlainString();
    }
    String digits = d.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - d.scale();
    StringBuilder out = new StringBuilder(digits.length() + 8);
    if (d.signum() < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (digits.length() > 1) {
      out.append('.').append(digits, 1, digits.length());
    }
    out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
    return out.toString();
  }

  /**
   * The shortest decimal that reads back as {@code v}, the closest one among those of that length.
   * Java 17's {@code Double.toString} round-trips but is sometimes a digit longer than needed
   * (JDK-4511638, fixed in Java 19), so its length is only the starting point of a search downwards.
   */
  private static BigDecimal shortest(double v) {
    BigDecimal exact = new BigDecimal(v);
    int digits = new BigDecimal(Double.toString(v)).stripTrailingZeros().precision();
    while (digits > 1 && roundTo(exact, digits - 1).doubleValue() == v) {
      digits--;
    }
    return roundTo(exact, digits).stripTrailingZeros();
  }

  private static BigDecimal roundTo(BigDecimal exact, int digits) {
    return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
  }

  /** The string written for NaN and the infinities, as Jaeger's {@code AsString} prints them. */
  static String nonFinite(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    return v > 0 ? "+Inf" : "-Inf";
  }
}
