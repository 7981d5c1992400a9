package io.spoor.model;

/** Lower-case hex rendering and strict parsing of unsigned longs. */
final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  static void appendPadded(StringBuilder out, long value) {
    for (int shift = 60; shift >= 0; shift -= 4) {
      out.append(DIGITS[(int) (value >>> shift) & 0xf]);
    }
  }

  /** Parses {@code len} hex digits of {@code s} starting at {@code from}; the caller checked the length. */
  static long parse(String s, int from, int to, String what) {
    long value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(s.charAt(i), 16);
      if (digit < 0) {
        throw new IllegalArgumentException(
            what + ": \"" + s + "\" (expected: hex digits, found '" + s.charAt(i) + "' at " + i + ")");
      }
      value = (value << 4) | digit;
    }
    return value;
  }
}
