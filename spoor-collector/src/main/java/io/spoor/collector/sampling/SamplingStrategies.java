package io.spoor.collector.sampling;

import io.spoor.proto.api_v2.Sampling.ProbabilisticSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyType;
import java.util.Map;
import java.util.Objects;

/**
 * One immutable set of strategies: one per named service and a default for every other service.
 */
public final class SamplingStrategies {
  private final SamplingStrategyResponse defaultStrategy;
  private final Map<String, SamplingStrategyResponse> services;

  SamplingStrategies(SamplingStrategyResponse defaultStrategy, Map<String, SamplingStrategyResponse> services) {
    this.defaultStrategy = Objects.requireNonNull(defaultStrategy, "defaultStrategy");
    this.services = Map.copyOf(services);
  }

  /** The same probabilistic strategy for every service, as without a strategies file. */
  public static SamplingStrategies probabilistic(double samplingRate) {
    return new SamplingStrategies(probabilisticResponse(samplingRate), Map.of());
  }

  static SamplingStrategyResponse probabilisticResponse(double samplingRate) {
    return SamplingStrategyResponse.newBuilder()
        .setStrategyType(SamplingStrategyType.PROBABILISTIC)
        .setProbabilisticSampling(ProbabilisticSamplingStrategy.newBuilder().setSamplingRate(samplingRate))
        .build();
  }

  /** The service's own strategy, else the default one. */
  public SamplingStrategyResponse strategyFor(String service) {
    return services.getOrDefault(service, defaultStrategy);
  }

  SamplingStrategyResponse defaultStrategy() {
    return defaultStrategy;
  }

  Map<String, SamplingStrategyResponse> services() {
    return services;
  }
}
