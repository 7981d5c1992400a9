package io.spoor.model;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Objects;

/**
 * A typed tag, process tag or log field. Exactly one value is meaningful, chosen by {@link #type()}.
 * Accessing the value of another type throws {@link IllegalStateException}.
 */
public final class KeyValue {
  private final String key;
  private final ValueType type;
  private final String stringValue;
  private final long numericBits; // bool (0/1), int64, or the bits of a float64
  private final byte[] binaryValue;

  private KeyValue(String key, ValueType type, String str, long bits, byte[] bin) {
    this.key = Objects.requireNonNull(key, "key");
    this.type = type;
    this.stringValue = str;
    this.numericBits = bits;
    this.binaryValue = bin;
  }

  public static KeyValue of(String key, String value) {
    return new KeyValue(key, ValueType.STRING, Objects.requireNonNull(value, "value"), 0, null);
  }

  public static KeyValue of(String key, boolean value) {
    return new KeyValue(key, ValueType.BOOL, null, value ? 1 : 0, null);
  }

  public static KeyValue of(String key, long value) {
    return new KeyValue(key, ValueType.INT64, null, value, null);
  }

  public static KeyValue of(String key, double value) {
    return new KeyValue(key, ValueType.FLOAT64, null, Double.doubleToRawLongBits(value), null);
  }

  /** A binary value; the array is copied. */
  public static KeyValue ofBinary(String key, byte[] value) {
    return new KeyValue(key, ValueType.BINARY, null, 0, value.clone());
  }

  public String key() {
    return key;
  }

  public ValueType type() {
    return type;
  }

  public String stringValue() {
    check(ValueType.STRING);
    return stringValue;
  }

  public boolean boolValue() {
    check(ValueType.BOOL);
    return numericBits != 0;
  }

  public long longValue() {
    check(ValueType.INT64);
    return numericBits;
  }

  public double doubleValue() {
    check(ValueType.FLOAT64);
    return Double.longBitsToDouble(numericBits);
  }

  /** A copy of the binary value. */
  public byte[] binaryValue() {
    check(ValueType.BINARY);
    return binaryValue.clone();
  }

  /** The length of the binary value without copying it. */
  public int binaryLength() {
    check(ValueType.BINARY);
    return binaryValue.length;
  }

  /**
   * The value as text, the way Jaeger's {@code KeyValue.AsString} renders it for tag search and for
   * stores that keep tags as strings: booleans {@code true}/{@code false}, integers in decimal,
   * floats with up to 10 significant digits ({@code 72.5}, {@code 3}), binary as lower-case hex.
   */
  public String valueAsString() {
    switch (type) {
      case STRING:
        return stringValue;
      case BOOL:
        return numericBits != 0 ? "true" : "false";
      case INT64:
        return Long.toString(numericBits);
      case FLOAT64:
        return formatDouble(Double.longBitsToDouble(numericBits));
      case BINARY:
        StringBuilder hex = new StringBuilder(binaryValue.length * 2);
        for (byte b : binaryValue) {
          hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
      default:
        throw new AssertionError(type);
    }
  }

  /** Go's {@code strconv.FormatFloat(v, 'g', 10, 64)}, which Jaeger uses to print floats. */
  static String formatDouble(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(10)).stripTrailingZeros();
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= 10) {
      BigDecimal mantissa = d.movePointLeft(exponent);
      String m = mantissa.stripTrailingZeros().toPlainString();
      String sign = exponent < 0 ? "-" : "+";
      int abs = Math.abs(exponent);
      return m + "e" + sign + (abs < 10 ? "0" : "") + abs;
    }
    return d.toPlainString();
  }

  private void check(ValueType expected) {
    if (type != expected) {
      throw new IllegalStateException(
          "tag " + key + " holds a " + type.jsonName() + " value, not " + expected.jsonName());
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof KeyValue)) {
      return false;
    }
    KeyValue that = (KeyValue) o;
    return key.equals(that.key)
        && type == that.type
        && numericBits == that.numericBits
        && Objects.equals(stringValue, that.stringValue)
        && Arrays.equals(binaryValue, that.binaryValue);
  }

  @Override
  public int hashCode() {
    int h = key.hashCode();
    h = 31 * h + type.hashCode();
    h = 31 * h + Long.hashCode(numericBits);
    h = 31 * h + Objects.hashCode(stringValue);
    h = 31 * h + Arrays.hashCode(binaryValue);
    return h;
  }

  @Override
  public String toString() {
    return key + "=" + valueAsString() + " (" + type.jsonName() + ")";
  }
}
