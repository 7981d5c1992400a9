package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

/**
 * One typed attribute of a synthetic span or event: the value is a {@link String}, {@link Long}, {@link Double}
 * or {@link Boolean}, which every wire format in the benchmark can carry natively (Zipkin as strings).
 */
record SyntheticTag(String key, Object value) {
  SyntheticTag {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    if (!(value instanceof String || value instanceof Long || value instanceof Double
        || value instanceof Boolean)) {
      throw new IllegalArgumentException(
          "value: " + value.getClass().getName() + " (expected: String, Long, Double or Boolean)");
    }
  }

  /** The value as Zipkin, which has only string tags, writes it. */
  String valueAsString() {
    return String.valueOf(value);
  }
}
