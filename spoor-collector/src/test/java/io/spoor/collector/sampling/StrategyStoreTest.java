package io.spoor.collector.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.proto.api_v2.Sampling.SamplingStrategyType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrategyStoreTest {
  @TempDir Path dir;

  private static String probabilistic(String service, double rate) {
    return "{\"service_strategies\": [{\"service\": \"" + service + "\", \"type\": \"probabilistic\", \"param\": "
        + rate + "}]}";
  }

  private Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("strategies.json"), json, StandardCharsets.UTF_8);
  }

  @Test
  void withoutFileEveryServiceGetsTheDefaultProbability() {
    try (StrategyStore store = new StrategyStore(new SamplingConfig(null, Duration.ZERO, 0.25))) {
      store.start();
      assertThat(store.strategyFor("any").getStrategyType()).isEqualTo(SamplingStrategyType.PROBABILISTIC);
      assertThat(store.strategyFor("any").getProbabilisticSampling().getSamplingRate()).isEqualTo(0.25);
    }
    assertThat(SamplingConfig.DEFAULTS.defaultSamplingProbability()).isEqualTo(0.001);
  }

  @Test
  void aBadFileFailsAtStartWithTheFlagTheLineAndTheReason() throws IOException {
    Path file = write("{\n \"default_strategy\": [1]\n}");
    StrategyStore store = new StrategyStore(new SamplingConfig(file, Duration.ZERO, 0.001));
    assertThatThrownBy(store::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--sampling.strategies-file: " + file + ": line 2, column ")
        .hasMessageContaining("default_strategy");
    store.close();
  }

  @Test
  void aMissingFileFailsAtStart() {
    Path file = dir.resolve("absent.json");
    StrategyStore store = new StrategyStore(new SamplingConfig(file, Duration.ZERO, 0.001));
    assertThatThrownBy(store::start).hasMessageStartingWith("--sampling.strategies-file: " + file + ": cannot read");
  }

  @Test
  void reloadReplacesOnChangeAndKeepsThePreviousOnABadFile() throws IOException {
    Path file = write(probabilistic("svc", 0.5));
    try (StrategyStore store = new StrategyStore(new SamplingConfig(file, Duration.ZERO, 0.001))) {
      store.start();
      assertThat(store.strategyFor("svc").getProbabilisticSampling().getSamplingRate()).isEqualTo(0.5);

      write(probabilistic("svc", 0.7));
      store.reload(file);
      assertThat(store.strategyFor("svc").getProbabilisticSampling().getSamplingRate()).isEqualTo(0.7);

      write("{ not json");
      store.reload(file);
      assertThat(store.strategyFor("svc").getProbabilisticSampling().getSamplingRate()).isEqualTo(0.7);

      Files.delete(file);
      store.reload(file);
      assertThat(store.strategyFor("svc").getProbabilisticSampling().getSamplingRate()).isEqualTo(0.7);

      write(probabilistic("svc", 0.9));
      store.reload(file);
      assertThat(store.strategyFor("svc").getProbabilisticSampling().getSamplingRate()).isEqualTo(0.9);
      assertThat(store.strategyFor("other").getProbabilisticSampling().getSamplingRate()).isEqualTo(0.001);
    }
  }

  @Test
  void theReloadThreadPicksUpAChange() throws IOException {
    Path file = write(probabilistic("svc", 0.5));
    try (StrategyStore store = new StrategyStore(new SamplingConfig(file, Duration.ofMillis(20), 0.001))) {
      store.start();
      write(probabilistic("svc", 0.6));
      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(
          () -> store.strategyFor("svc").getProbabilisticSampling().getSamplingRate() == 0.6);
    }
  }

  @Test
  void configRefusesBadValues() {
    assertThatThrownBy(() -> new SamplingConfig(null, Duration.ofSeconds(-1), 0.1))
        .hasMessage("--sampling.strategies-reload-interval: PT-1S (expected: >= 0)");
    assertThatThrownBy(() -> new SamplingConfig(null, Duration.ZERO, 1.5))
        .hasMessage("--sampling.default-sampling-probability: 1.5 (expected: 0 to 1)");
  }
}
