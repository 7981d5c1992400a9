package io.spoor.client.sampler;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A sampling strategy as the agent's {@code /sampling?service=} returns it (Jaeger's {@code
 * SamplingStrategyResponse} in JSON). Either {@code operations} is non-null (per-operation sampling) or
 * the type and its parameter apply to every trace.
 *
 * @param type PROBABILISTIC or RATE_LIMITING
 * @param param the sampling rate or the traces per second
 * @param operations per-operation strategies, or null
 */
record SamplingStrategy(Type type, double param, @Nullable PerOperation operations) {
  enum Type { PROBABILISTIC, RATE_LIMITING }

  /** Jaeger's {@code PerOperationSamplingStrategies}. */
  record PerOperation(double defaultProbability, double defaultLowerBound, Map<String, Double> probabilities) {}

  /**
   * Reads the JSON response.
   *
   * @throws IllegalArgumentException when the JSON is malformed or lacks what the strategy type needs
   */
  static SamplingStrategy parse(String json) {
    if (!(JsonReader.parse(json) instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException("sampling strategy: not a JSON object");
    }
    PerOperation operations = null;
    if (root.get("operationSampling") instanceof Map<?, ?> ops) {
      Map<String, Double> perOp = new java.util.LinkedHashMap<>();
      if (ops.get("perOperationStrategies") instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof Map<?, ?> op && op.get("operation") instanceof String name
              && op.get("probabilisticSampling") instanceof Map<?, ?> p) {
            perOp.put(name, probability(number(p, "samplingRate", 0.0), "perOperationStrategies." + name));
          }
        }
      }
      operations = new PerOperation(
          probability(number(ops, "defaultSamplingProbability", ProbabilisticSampler.DEFAULT_RATE),
              "defaultSamplingProbability"),
          nonNegative(number(ops, "defaultLowerBoundTracesPerSecond", 0.0), "defaultLowerBoundTracesPerSecond"),
          Map.copyOf(perOp));
    }
    Type type = type(root.get("strategyType"));
    if (type == Type.RATE_LIMITING) {
      if (!(root.get("rateLimitingSampling") instanceof Map<?, ?> r)) {
        throw new IllegalArgumentException("sampling strategy: RATE_LIMITING without rateLimitingSampling");
      }
      return new SamplingStrategy(type,
          nonNegative(number(r, "maxTracesPerSecond", 0.0), "maxTracesPerSecond"), operations);
    }
    double rate = root.get("probabilisticSampling") instanceof Map<?, ?> p
        ? probability(number(p, "samplingRate", 0.0), "samplingRate")
        : ProbabilisticSampler.DEFAULT_RATE;
    if (operations == null && !(root.get("probabilisticSampling") instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("sampling strategy: PROBABILISTIC without probabilisticSampling");
    }
    return new SamplingStrategy(type, rate, operations);
  }

  private static Type type(@Nullable Object value) {
    if (value == null || "PROBABILISTIC".equals(value) || Double.valueOf(0).equals(value)) {
      return Type.PROBABILISTIC;
    }
    if ("RATE_LIMITING".equals(value) || Double.valueOf(1).equals(value)) {
      return Type.RATE_LIMITING;
    }
    throw new IllegalArgumentException(
        "sampling strategy: strategyType " + value + " (expected: PROBABILISTIC or RATE_LIMITING)");
  }

  private static double number(Map<?, ?> map, String key, double absent) {
    Object v = map.get(key);
    if (v == null) {
      return absent;
    }
    if (!(v instanceof Double d)) {
      throw new IllegalArgumentException("sampling strategy: " + key + ": " + v + " (expected: a number)");
    }
    return d;
  }

  private static double probability(double v, String what) {
    if (!(v >= 0.0 && v <= 1.0)) {
      throw new IllegalArgumentException("sampling strategy: " + what + ": " + v + " (expected: 0.0 to 1.0)");
    }
    return v;
  }

  private static double nonNegative(double v, String what) {
    if (!(v >= 0.0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("sampling strategy: " + what + ": " + v + " (expected: >= 0)");
    }
    return v;
  }
}
