package io.spoor.collector.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import io.spoor.proto.api_v2.Sampling.OperationSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.PerOperationSamplingStrategies;
import io.spoor.proto.api_v2.Sampling.ProbabilisticSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Jaeger's file-provider fixtures read into strategies, compared with Jaeger's expected answers. */
class StrategiesFileTest {
  static byte[] fixture(String name) throws IOException {
    try (InputStream in = StrategiesFileTest.class.getResourceAsStream("/sampling/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }

  static SamplingStrategies parse(String name) throws IOException {
    return StrategiesFile.parse(fixture(name), name, 0.001);
  }

  /** Jaeger's expected files are Go JSON of the proto struct: numeric enum, zero values omitted. */
  static SamplingStrategyResponse expected(String name) throws IOException {
    SamplingStrategyResponse.Builder b = SamplingStrategyResponse.newBuilder();
    JsonFormat.parser().merge(new String(fixture(name), StandardCharsets.UTF_8), b);
    return b.build();
  }

  private static List<String> operations(SamplingStrategyResponse r) {
    return r.getOperationSampling().getPerOperationStrategiesList().stream()
        .map(o -> o.getOperation() + "=" + o.getProbabilisticSampling().getSamplingRate())
        .collect(Collectors.toList());
  }

  @Test
  void servicesWithoutOperationListsInheritTheDefaultOnes() throws IOException {
    SamplingStrategies s = parse("service_no_per_operation.json");
    assertThat(s.strategyFor("ServiceA")).isEqualTo(expected("TestServiceNoPerOperationStrategies_ServiceA.json"));
    assertThat(s.strategyFor("ServiceB")).isEqualTo(expected("TestServiceNoPerOperationStrategies_ServiceB.json"));
    SamplingStrategyResponse b = s.strategyFor("ServiceB");
    assertThat(b.getStrategyType()).isEqualTo(SamplingStrategyType.RATE_LIMITING);
    assertThat(b.getRateLimitingSampling().getMaxTracesPerSecond()).isEqualTo(3);
    assertThat(b.getOperationSampling().getDefaultSamplingProbability()).isEqualTo(0.2);
    assertThat(operations(b)).containsExactly("/health=0.1");
  }

  @Test
  void serviceAndDefaultStrategies() throws IOException {
    SamplingStrategies s = parse("strategies.json");
    SamplingStrategyResponse foo = s.strategyFor("foo");
    assertThat(foo.getStrategyType()).isEqualTo(SamplingStrategyType.PROBABILISTIC);
    assertThat(foo.getProbabilisticSampling().getSamplingRate()).isEqualTo(0.8);
    assertThat(foo.hasOperationSampling()).isFalse();
    SamplingStrategyResponse bar = s.strategyFor("bar");
    assertThat(bar.getStrategyType()).isEqualTo(SamplingStrategyType.RATE_LIMITING);
    assertThat(bar.getRateLimitingSampling().getMaxTracesPerSecond()).isEqualTo(5);
    assertThat(bar.hasProbabilisticSampling()).isFalse();
    SamplingStrategyResponse other = s.strategyFor("unknown");
    assertThat(other.getStrategyType()).isEqualTo(SamplingStrategyType.PROBABILISTIC);
    assertThat(other.getProbabilisticSampling().getSamplingRate()).isEqualTo(0.5);
    assertThat(other.hasRateLimitingSampling()).isFalse();
  }

  @Test
  void operationStrategiesMergeWithTheDefaultAndDropRateLimitingEntries() throws IOException {
    SamplingStrategies s = parse("operation_strategies.json");
    SamplingStrategyResponse foo = s.strategyFor("foo");
    assertThat(foo.getProbabilisticSampling().getSamplingRate()).isEqualTo(0.8);
    assertThat(foo.getOperationSampling().getDefaultSamplingProbability()).isEqualTo(0.8);
    assertThat(operations(foo)).containsExactly("op6=0.5", "op1=0.2", "op0=0.2", "op7=1.0");

    SamplingStrategyResponse bar = s.strategyFor("bar");
    assertThat(bar.getStrategyType()).isEqualTo(SamplingStrategyType.RATE_LIMITING);
    assertThat(bar.getRateLimitingSampling().getMaxTracesPerSecond()).isEqualTo(5);
    assertThat(bar.getOperationSampling().getDefaultSamplingProbability()).isEqualTo(0.001);
    assertThat(operations(bar)).containsExactly("op3=0.3", "op5=0.4", "op0=0.2", "op6=0.0", "op7=1.0");

    SamplingStrategyResponse other = s.strategyFor("baz");
    assertThat(other.getProbabilisticSampling().getSamplingRate()).isEqualTo(0.5);
    assertThat(other.getOperationSampling()).isEqualTo(PerOperationSamplingStrategies.newBuilder()
        .setDefaultSamplingProbability(0.5)
        .addPerOperationStrategies(op("op0", 0.2))
        .addPerOperationStrategies(op("op6", 0))
        .addPerOperationStrategies(op("op7", 1))
        .build());
  }

  private static OperationSamplingStrategy op(String name, double rate) {
    return OperationSamplingStrategy.newBuilder().setOperation(name)
        .setProbabilisticSampling(ProbabilisticSamplingStrategy.newBuilder().setSamplingRate(rate)).build();
  }

  @Test
  void missingTypeMeansProbabilisticAtTheDefaultRate() throws IOException {
    SamplingStrategies s = parse("missing-service-types.json");
    SamplingStrategyResponse foo = s.strategyFor("foo");
    assertThat(foo.getStrategyType()).isEqualTo(SamplingStrategyType.PROBABILISTIC);
    assertThat(foo.getProbabilisticSampling().getSamplingRate()).isEqualTo(0.001);
    assertThat(foo.getOperationSampling().getDefaultSamplingProbability()).isEqualTo(0.001);
    assertThat(operations(foo)).containsExactly("op1=0.2");
    assertThat(operations(s.strategyFor("bar"))).containsExactly("op3=0.3", "op5=0.4");
    assertThat(s.strategyFor("x").getProbabilisticSampling().getSamplingRate()).isEqualTo(0.5);
  }

  @Test
  void lowerBoundFillsEveryOperationSampling() {
    String json = "{\"default_lower_bound_traces_per_second\": 0.5, \"default_strategy\": {\"type\": "
        + "\"probabilistic\", \"param\": 0.1, \"operation_strategies\": [{\"operation\": \"a\", "
        + "\"type\": \"probabilistic\", \"param\": 1}]}, \"service_strategies\": [{\"service\": \"s\", "
        + "\"type\": \"probabilistic\", \"param\": 0.3}]}";
    SamplingStrategies s = StrategiesFile.parse(json.getBytes(StandardCharsets.UTF_8), "f.json", 0.001);
    assertThat(s.strategyFor("s").getOperationSampling().getDefaultLowerBoundTracesPerSecond()).isEqualTo(0.5);
    assertThat(s.strategyFor("s").getOperationSampling().getDefaultSamplingProbability()).isEqualTo(0.3);
    assertThat(s.strategyFor("t").getOperationSampling().getDefaultLowerBoundTracesPerSecond()).isEqualTo(0.5);
  }

  @Test
  void aStringIsNotAStrategiesFile() {
    assertThatThrownBy(() -> parse("bad_strategies.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad_strategies.json: line 1, column 1: ");
  }

  @Test
  void malformedJsonNamesTheLine() {
    String json = "{\n  \"default_strategy\": {\n    \"type\": \"probabilistic\",\n    \"param\": }\n}";
    assertThatThrownBy(() -> StrategiesFile.parse(json.getBytes(StandardCharsets.UTF_8), "f.json", 0.001))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("f.json: line 4, column ");
  }

  @Test
  void wrongValueTypeNamesTheLineAndThePath() {
    String json = "{\n \"service_strategies\": [\n  {\"service\": \"a\", \"type\": \"probabilistic\", \"param\": 0.1},\n"
        + "  {\"service\": \"b\", \"type\": \"probabilistic\", \"param\": \"high\"}\n ]\n}";
    assertThatThrownBy(() -> StrategiesFile.parse(json.getBytes(StandardCharsets.UTF_8), "f.json", 0.001))
        .hasMessageStartingWith("f.json: line 4, column ")
        .hasMessageContaining("service_strategies[1].param: ");
  }

  @Test
  void outOfRangeProbabilityNamesTheLineAndTheValue() {
    String json = "{\n \"service_strategies\": [\n  {\"service\": \"a\", \"type\": \"probabilistic\", \"param\": 1.5}\n ]\n}";
    assertThatThrownBy(() -> StrategiesFile.parse(json.getBytes(StandardCharsets.UTF_8), "f.json", 0.001))
        .hasMessageStartingWith("f.json: line 3, column ")
        .hasMessageContaining("service_strategies[0]")
        .hasMessageEndingWith("param: 1.5 (expected: a probability from 0 to 1)");
  }
}
