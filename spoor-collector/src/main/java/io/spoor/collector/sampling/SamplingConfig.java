package io.spoor.collector.sampling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where sampling strategies come from.
 *
 * @param strategiesFile Jaeger's strategies JSON ({@code --sampling.strategies-file}); null serves
 *     the default probabilistic strategy to every service
 * @param reloadInterval how often the file is checked for changes ({@code
 *     --sampling.strategies-reload-interval}); zero never reloads
 * @param defaultSamplingProbability the rate when no file, no default strategy or an unknown type
 *     is given ({@code --sampling.default-sampling-probability})
 */
public record SamplingConfig(
    @Nullable Path strategiesFile, Duration reloadInterval, double defaultSamplingProbability) {
  /** Jaeger's default: probabilistic 0.001 for everyone, no file. */
  public static final double DEFAULT_SAMPLING_PROBABILITY = 0.001;

  /** No file, no reload, probability 0.001. */
  public static final SamplingConfig DEFAULTS =
      new SamplingConfig(null, Duration.ZERO, DEFAULT_SAMPLING_PROBABILITY);

  public SamplingConfig {
    Objects.requireNonNull(reloadInterval, "reloadInterval");
    if (reloadInterval.isNegative()) {
      throw new IllegalArgumentException(
          "--sampling.strategies-reload-interval: " + reloadInterval + " (expected: >= 0)");
    }
    if (!(defaultSamplingProbability >= 0 && defaultSamplingProbability <= 1)) {
      throw new IllegalArgumentException("--sampling.default-sampling-probability: "
          + defaultSamplingProbability + " (expected: 0 to 1)");
    }
  }
}
