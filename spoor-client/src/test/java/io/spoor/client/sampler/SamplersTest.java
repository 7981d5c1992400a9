package io.spoor.client.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SamplersTest {
  final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Test
  void probabilisticSamplesTheExpectedFractionAndTagsTheRate() {
    ProbabilisticSampler sampler = new ProbabilisticSampler(0.25);
    SplittableRandom random = new SplittableRandom(7);
    int sampled = 0;
    for (int i = 0; i < 100_000; i++) {
      if (sampler.sample("op", 0, random.nextLong()).sampled()) {
        sampled++;
      }
    }
    assertThat(sampled).isBetween(24_000, 26_000);
    SamplingDecision d = sampler.sample("op", 0, 1);
    assertThat(d.sampled()).isTrue();
    assertThat(d.samplerType()).isEqualTo("probabilistic");
    assertThat(d.samplerParam()).isEqualTo(0.25);
    assertThat(sampler.sample("op", 0, Long.MAX_VALUE).sampled()).isFalse();
    assertThat(new ProbabilisticSampler(1.0).sample("op", 0, -1).sampled()).isTrue();
    assertThat(new ProbabilisticSampler(0.0).sample("op", 0, 1).sampled()).isFalse();
    assertThat(new ProbabilisticSampler(ProbabilisticSampler.DEFAULT_RATE).rate()).isEqualTo(0.001);
  }

  @Test
  void badRatesAreRefused() {
    assertThatThrownBy(() -> new ProbabilisticSampler(1.5)).hasMessage("sampling rate: 1.5 (expected: 0.0 to 1.0)");
    assertThatThrownBy(() -> new ProbabilisticSampler(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new RateLimitingSampler(-1)).hasMessage("max traces per second: -1.0 (expected: >= 0)");
  }

  @Test
  void rateLimiterIsALeakyBucket() {
    RateLimitingSampler sampler = new RateLimitingSampler(2, nanos::get);
    assertThat(sampler.sample("op", 0, 1).sampled()).isTrue();
    assertThat(sampler.sample("op", 0, 1).sampled()).isTrue();
    assertThat(sampler.sample("op", 0, 1).sampled()).isFalse();
    nanos.addAndGet(250_000_000L); // half a credit
    assertThat(sampler.sample("op", 0, 1).sampled()).isFalse();
    nanos.addAndGet(250_000_000L);
    SamplingDecision d = sampler.sample("op", 0, 1);
    assertThat(d.sampled()).isTrue();
    assertThat(d.samplerType()).isEqualTo("ratelimiting");
    assertThat(d.samplerParam()).isEqualTo(2.0);
    nanos.addAndGet(60_000_000_000L); // a long pause fills the bucket only to its size
    assertThat(sampler.sample("op", 0, 1).sampled()).isTrue();
    assertThat(sampler.sample("op", 0, 1).sampled()).isTrue();
    assertThat(sampler.sample("op", 0, 1).sampled()).isFalse();
    assertThat(new RateLimitingSampler(0, nanos::get).sample("op", 0, 1).sampled()).isFalse();
  }

  @Test
  void constSamplerTags() {
    assertThat(new ConstSampler(true).sample("x", 0, 1)).extracting(SamplingDecision::sampled,
        SamplingDecision::samplerType, SamplingDecision::samplerParam).containsExactly(true, "const", true);
    assertThat(new ConstSampler(false).sample("x", 0, 1).sampled()).isFalse();
  }

  @Test
  void perOperationUsesOwnProbabilityDefaultAndLowerBound() {
    SamplingStrategy.PerOperation strategy = new SamplingStrategy.PerOperation(0.0, 1.0, Map.of("always", 1.0));
    PerOperationSampler sampler = new PerOperationSampler(strategy, 3, nanos::get);
    SamplingDecision always = sampler.sample("always", 0, Long.MAX_VALUE);
    assertThat(always.sampled()).isTrue();
    assertThat(always.samplerType()).isEqualTo("probabilistic");
    assertThat(always.samplerParam()).isEqualTo(1.0);
    SamplingDecision lower = sampler.sample("rare", 0, 1);
    assertThat(lower.sampled()).isTrue();
    assertThat(lower.samplerType()).isEqualTo("lowerbound");
    assertThat(lower.samplerParam()).isEqualTo(0.0);
    assertThat(sampler.sample("rare", 0, 1).sampled()).isFalse(); // bucket empty for a second
    nanos.addAndGet(1_000_000_000L);
    assertThat(sampler.sample("rare", 0, 1).sampled()).isTrue();
    sampler.sample("third", 0, 1);
    SamplingDecision overflow = sampler.sample("fourth", 0, 1); // beyond maxOperations: default, no lower bound
    assertThat(overflow.sampled()).isFalse();
    assertThat(overflow.samplerType()).isEqualTo("probabilistic");
  }

  @Test
  void strategyJsonIsParsed() {
    SamplingStrategy p = SamplingStrategy.parse(
        "{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":0.5}}");
    assertThat(p).isEqualTo(new SamplingStrategy(SamplingStrategy.Type.PROBABILISTIC, 0.5, null));
    SamplingStrategy r = SamplingStrategy.parse(
        "{\"strategyType\":1,\"rateLimitingSampling\":{\"maxTracesPerSecond\":7}}");
    assertThat(r).isEqualTo(new SamplingStrategy(SamplingStrategy.Type.RATE_LIMITING, 7, null));
    SamplingStrategy ops = SamplingStrategy.parse("""
        {"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":0.001},
         "operationSampling":{"defaultSamplingProbability":0.2,"defaultLowerBoundTracesPerSecond":0.5,
           "perOperationStrategies":[{"operation":"GET /a","probabilisticSampling":{"samplingRate":1}},
                                     {"operation":"GET \\u0062","probabilisticSampling":{"samplingRate":0.3}}]}}
        """);
    assertThat(ops.operations()).isEqualTo(new SamplingStrategy.PerOperation(0.2, 0.5,
        Map.of("GET /a", 1.0, "GET b", 0.3)));
    assertThatThrownBy(() -> SamplingStrategy.parse("{\"strategyType\":\"X\"}"))
        .hasMessageContaining("strategyType X (expected: PROBABILISTIC or RATE_LIMITING)");
    assertThatThrownBy(() -> SamplingStrategy.parse("{\"strategyType\":\"PROBABILISTIC\","
        + "\"probabilisticSampling\":{\"samplingRate\":2}}")).hasMessageContaining("samplingRate: 2.0");
    assertThatThrownBy(() -> SamplingStrategy.parse("{\"a\":")).hasMessageContaining("JSON at offset");
  }
}
