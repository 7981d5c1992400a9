package io.spoor.client.propagation;

/** Parses lowercase or uppercase hex ids; -1 length checks are the caller's. */
final class Hex {
  private Hex() {}

  /**
   * Parses 1 to 16 hex digits.
   *
   * @throws NumberFormatException when a character is not a hex digit or the length is out of range
   */
  static long parse(CharSequence s, int from, int to) {
    if (to <= from || to - from > 16) {
      throw new NumberFormatException("hex id of " + (to - from) + " digits (expected: 1 to 16)");
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        throw new NumberFormatException("not a hex digit: " + s.charAt(i));
      }
      v = v << 4 | d;
    }
    return v;
  }

  /** The high half of a trace id of up to 32 digits (0 when it has 16 or fewer). */
  static long high(String s) {
    return s.length() > 16 ? parse(s, 0, s.length() - 16) : 0;
  }

  /** The low half of a trace id of up to 32 digits. */
  static long low(String s) {
    if (s.length() > 32) {
      throw new NumberFormatException("trace id of " + s.length() + " digits (expected: 1 to 32)");
    }
    return parse(s, Math.max(0, s.length() - 16), s.length());
  }
}
