package io.spoor.server;

import io.spoor.collector.sampling.SamplingConfig;
import io.spoor.storage.GoDuration;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the collector's sampling strategies come from; added with {@code @Mixin SamplingOptions}. */
final class SamplingOptions {
  @Option(names = "--sampling.strategies-file", paramLabel = "<path>",
      description = "Jaeger's sampling strategies JSON (default_strategy, service_strategies, "
          + "operation_strategies), served on 14250 (gRPC SamplingManager) and 14268 (/api/sampling). "
          + "Empty: probabilistic --sampling.default-sampling-probability for every service.")
  String strategiesFile = "";

  @Option(names = "--sampling.strategies-reload-interval", paramLabel = "<duration>", defaultValue = "0s",
      description = "How often the strategies file is checked for changes, e.g. 30s; 0 never reloads. "
          + "A bad file on reload keeps the previous strategies. Default: ${DEFAULT-VALUE}.")
  String reloadInterval = "0s";

  @Option(names = "--sampling.default-sampling-probability", paramLabel = "<0..1>", defaultValue = "0.001",
      description = "Sampling rate when no file or no default strategy is given. Default: ${DEFAULT-VALUE}.")
  double defaultSamplingProbability = SamplingConfig.DEFAULT_SAMPLING_PROBABILITY;

  /** @throws IllegalArgumentException naming the flag, the value and what was expected */
  SamplingConfig toConfig() {
    String file = strategiesFile == null ? "" : strategiesFile.trim();
    if (file.startsWith("http://") || file.startsWith("https://")) {
      throw new IllegalArgumentException("--sampling.strategies-file: \"" + file
          + "\" (expected: a file path; URLs are not supported yet)");
    }
    java.time.Duration interval;
    try {
      interval = GoDuration.parse(reloadInterval);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--sampling.strategies-reload-interval: " + e.getMessage(), e);
    }
    return new SamplingConfig(file.isEmpty() ? null : Path.of(file), interval, defaultSamplingProbability);
  }
}
