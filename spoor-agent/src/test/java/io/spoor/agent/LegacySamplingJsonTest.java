package io.spoor.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.proto.api_v2.Sampling.OperationSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.PerOperationSamplingStrategies;
import io.spoor.proto.api_v2.Sampling.ProbabilisticSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.RateLimitingSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyType;
import org.junit.jupiter.api.Test;

class LegacySamplingJsonTest {
  @Test
  void probabilisticWithANumericEnum() {
    assertThat(LegacySamplingJson.write(SamplingStrategyResponse.newBuilder()
        .setStrategyType(SamplingStrategyType.PROBABILISTIC)
        .setProbabilisticSampling(ProbabilisticSamplingStrategy.newBuilder().setSamplingRate(0.001)).build()))
        .isEqualTo("{\"strategyType\":0,\"probabilisticSampling\":{\"samplingRate\":0.001}}");
  }

  @Test
  void rateLimitingAsJaegersReferenceShowsIt() {
    assertThat(LegacySamplingJson.write(SamplingStrategyResponse.newBuilder()
        .setStrategyType(SamplingStrategyType.RATE_LIMITING)
        .setRateLimitingSampling(RateLimitingSamplingStrategy.newBuilder().setMaxTracesPerSecond(42)).build()))
        .isEqualTo("{\"strategyType\":1,\"rateLimitingSampling\":{\"maxTracesPerSecond\":42}}");
  }

  @Test
  void operationSamplingWritesRequiredFieldsAndOptionalUpperBoundOnlyWhenSet() {
    SamplingStrategyResponse s = SamplingStrategyResponse.newBuilder()
        .setStrategyType(SamplingStrategyType.PROBABILISTIC)
        .setProbabilisticSampling(ProbabilisticSamplingStrategy.newBuilder().setSamplingRate(1))
        .setOperationSampling(PerOperationSamplingStrategies.newBuilder()
            .setDefaultSamplingProbability(1e-5).setDefaultLowerBoundTracesPerSecond(0.25)
            .addPerOperationStrategies(OperationSamplingStrategy.newBuilder().setOperation("a\"b")
                .setProbabilisticSampling(ProbabilisticSamplingStrategy.newBuilder().setSamplingRate(0.5))))
        .build();
    assertThat(LegacySamplingJson.write(s)).isEqualTo("{\"strategyType\":0,\"probabilisticSampling\":{\"samplingRate\":1},"
        + "\"operationSampling\":{\"defaultSamplingProbability\":0.00001,\"defaultLowerBoundTracesPerSecond\":0.25,"
        + "\"perOperationStrategies\":[{\"operation\":\"a\\\"b\",\"probabilisticSampling\":{\"samplingRate\":0.5}}]}}");
    SamplingStrategyResponse upper = s.toBuilder().setOperationSampling(
        s.getOperationSampling().toBuilder().clearPerOperationStrategies().setDefaultUpperBoundTracesPerSecond(9)).build();
    assertThat(LegacySamplingJson.write(upper)).endsWith(
        "\"perOperationStrategies\":[],\"defaultUpperBoundTracesPerSecond\":9}}");
  }
}
