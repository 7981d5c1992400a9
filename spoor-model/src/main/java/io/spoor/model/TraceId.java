package io.spoor.model;

import java.util.Objects;

/**
 * A 128-bit trace id. A 64-bit id has {@code high == 0}. Renders as lower-case hex: 16 characters when
 * the high half is zero (as Jaeger prints 64-bit ids), 32 otherwise.
 */
public record TraceId(long high, long low) implements Comparable<TraceId> {
  /** The all-zero id, which no valid span carries. */
  public static final TraceId ZERO = new TraceId(0, 0);

  public static TraceId of(long high, long low) {
    return new TraceId(high, low);
  }

  /** A 64-bit id. */
  public static TraceId of(long low) {
    return new TraceId(0, low);
  }

  /**
   * Parses 1 to 32 hex digits, case-insensitive; shorter ids are left-padded with zeros.
   *
   * @throws IllegalArgumentException naming the value and what was expected
   */
  public static TraceId parse(String hex) {
    Objects.requireNonNull(hex, "hex");
    int len = hex.length();
    if (len == 0 || len > 32) {
      throw new IllegalArgumentException(
          "trace id: \"" + hex + "\" (expected: 1 to 32 hex digits, got " + len + ")");
    }
    int split = Math.max(0, len - 16);
    long high = split == 0 ? 0 : Hex.parse(hex, 0, split, "trace id");
    long low = Hex.parse(hex, split, len, "trace id");
    return new TraceId(high, low);
  }

  /** Reads 16 bytes (high half first, big-endian) or 8 bytes (a 64-bit id). */
  public static TraceId fromBytes(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length == 16) {
      return new TraceId(Bytes.readLong(bytes, 0), Bytes.readLong(bytes, 8));
    }
    if (bytes.length == 8) {
      return new TraceId(0, Bytes.readLong(bytes, 0));
    }
    throw new IllegalArgumentException(
        "trace id: " + bytes.length + " bytes (expected: 16, or 8 for a 64-bit id)");
  }

  /** 16 bytes, big-endian, high half first. */
  public byte[] toBytes() {
    byte[] out = new byte[16];
    Bytes.writeLong(out, 0, high);
    Bytes.writeLong(out, 8, low);
    return out;
  }

  public boolean isZero() {
    return high == 0 && low == 0;
  }

  /** 16 hex characters when {@code high == 0}, else 32. */
  public String toHex() {
    StringBuilder out = new StringBuilder(32);
    if (high != 0) {
      Hex.appendPadded(out, high);
    }
    Hex.appendPadded(out, low);
    return out.toString();
  }

  /** Always 32 hex characters, as OTLP and W3C write trace ids. */
  public String toHex128() {
    StringBuilder out = new StringBuilder(32);
    Hex.appendPadded(out, high);
    Hex.appendPadded(out, low);
    return out.toString();
  }

  @Override
  public int compareTo(TraceId o) {
    int c = Long.compareUnsigned(high, o.high);
    return c != 0 ? c : Long.compareUnsigned(low, o.low);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
