package io.spoor.storage;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration} syntax, which Jaeger's flags and query parameters use: a sequence
 * of decimal numbers with units ({@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m},
 * {@code h}), e.g. {@code 1.5ms}, {@code 1h30m}, {@code -2s}; a bare {@code 0} is allowed.
 */
public final class GoDuration {
  private static final Map<String, Long> UNIT_NANOS = Map.of(
      "ns", 1L, "us", 1_000L, "µs", 1_000L, "μs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private GoDuration() {}

  /** @throws IllegalArgumentException with the value and the expected form */
  public static Duration parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      throw bad(text);
    }
    boolean negative = false;
    int i = 0;
    if (s.charAt(0) == '-' || s.charAt(0) == '+') {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (s.substring(i).equals("0")) {
      return Duration.ZERO;
    }
    if (i == s.length()) {
      throw bad(text);
    }
    BigDecimal totalNanos = BigDecimal.ZERO;
    while (i < s.length()) {
      int numStart = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      if (numStart == i) {
        throw bad(text);
      }
      BigDecimal number;
      try {
        number = new BigDecimal(s.substring(numStart, i));
      } catch (NumberFormatException e) {
        throw bad(text);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      Long unit = UNIT_NANOS.get(s.substring(unitStart, i));
      if (unit == null) {
        throw bad(text);
      }
      totalNanos = totalNanos.add(number.multiply(BigDecimal.valueOf(unit)));
    }
    long nanos;
    try {
      nanos = totalNanos.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("\"" + text + "\" (expected: a duration within ±292 years)");
    }
    return Duration.ofNanos(negative ? -nanos : nanos);
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(
        "\"" + text + "\" (expected: a duration such as 1.5ms, 2s or 1h30m; units ns, us, ms, s, m, h)");
  }
}
