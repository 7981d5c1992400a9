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

  /**
   * Renders a duration as Go's {@code time.Duration.String} does: {@code 125µs}, {@code 1.5ms},
   * {@code 2s}, {@code 1m30s}, {@code 0s}.
   */
  public static String format(Duration duration) {
    long nanos = duration.toNanos();
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long abs = Math.abs(nanos);
    if (abs < 1_000L) {
      return sign + abs + "ns";
    }
    if (abs < 1_000_000L) {
      return sign + decimal(abs, 1_000L) + "µs";
    }
    if (abs < 1_000_000_000L) {
      return sign + decimal(abs, 1_000_000L) + "ms";
    }
    StringBuilder out = new StringBuilder(sign);
    long hours = abs / 3_600_000_000_000L;
    long minutes = abs / 60_000_000_000L % 60;
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (hours > 0 || minutes > 0) {
      out.append(minutes).append('m');
    }
    return out.append(decimal(abs % 60_000_000_000L, 1_000_000_000L)).append('s').toString();
  }

  private static String decimal(long value, long unit) {
    return new BigDecimal(value).divide(BigDecimal.valueOf(unit)).stripTrailingZeros().toPlainString();
  }

  private static IllegalArgumentException bad(String text) {
    return new IllegalArgumentException(
        "\"" + text + "\" (expected: a duration such as 1.5ms, 2s or 1h30m; units ns, us, ms, s, m, h)");
  }
}
