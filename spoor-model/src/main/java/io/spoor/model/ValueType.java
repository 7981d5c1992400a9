package io.spoor.model;

/** The type of a {@link KeyValue}'s value, as in Jaeger's model. */
public enum ValueType {
  STRING,
  BOOL,
  INT64,
  FLOAT64,
  BINARY;

  /** The lower-case name Jaeger's JSON uses: {@code string}, {@code bool}, {@code int64}, ... */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
