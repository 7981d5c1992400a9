package io.spoor.model;

import java.util.Objects;

/** A 64-bit span id, rendered as 16 lower-case hex characters. */
public record SpanId(long value) implements Comparable<SpanId> {
  /** The zero id: "no span" (for example, no parent). */
  public static final SpanId ZERO = new SpanId(0);

  public static SpanId of(long value) {
    return new SpanId(value);
  }

  /**
   * Parses 1 to 16 hex digits, case-insensitive; shorter ids are left-padded with zeros.
   *
   * @throws IllegalArgumentException naming the value and what was expected
   */
  public static SpanId parse(String hex) {
    Objects.requireNonNull(hex, "hex");
    int len = hex.length();
    if (len == 0 || len > 16) {
      throw new IllegalArgumentException(
          "span id: \"" + hex + "\" (expected: 1 to 16 hex digits, got " + len + ")");
    }
    return new SpanId(Hex.parse(hex, 0, len, "span id"));
  }

  /** Reads 8 big-endian bytes. */
  public static SpanId fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != 8) {
      throw new IllegalArgumentException("span id: " + bytes.length + " bytes (expected: 8)");
    }
    return new SpanId(Bytes.readLong(bytes, 0));
  }

  public byte[] toBytes() {
    byte[] out = new byte[8];
    Bytes.writeLong(out, 0, value);
    return out;
  }

  public boolean isZero() {
    return value == 0;
  }

  public String toHex() {
    StringBuilder out = new StringBuilder(16);
    Hex.appendPadded(out, value);
    return out.toString();
  }

  @Override
  public int compareTo(SpanId o) {
    return Long.compareUnsigned(value, o.value);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
