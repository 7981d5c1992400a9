package io.spoor.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HeapSamplerTest {

  @Test
  void keepsThePeakAndFallsBackToTheNextProbe() throws InterruptedException {
    long[] samples = {100, 700, 300};
    AtomicInteger calls = new AtomicInteger();
    CountDownLatch sampledAll = new CountDownLatch(samples.length);
    HeapProbe silent = probe("prometheus", () -> OptionalLong.empty());
    HeapProbe counting = probe("jcmd", () -> {
      int call = calls.getAndIncrement();
      sampledAll.countDown();
      return OptionalLong.of(samples[Math.min(call, samples.length - 1)]);
    });

    HeapSampler sampler = new HeapSampler(List.of(silent, counting), Duration.ofMillis(5));
    sampler.start();
    assertThat(sampledAll.await(10, TimeUnit.SECONDS)).isTrue();
    sampler.close();

    assertThat(sampler.peakBytes()).isEqualTo(700);
    assertThat(sampler.source()).isEqualTo("jcmd");
  }

  @Test
  void reportsNoneWhenNoProbeAnswers() throws InterruptedException {
    CountDownLatch asked = new CountDownLatch(1);
    HeapSampler sampler = new HeapSampler(List.of(probe("prometheus", () -> {
      asked.countDown();
      return OptionalLong.empty();
    })), Duration.ofMillis(5));
    sampler.start();
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
    sampler.close();

    assertThat(sampler.peakBytes()).isEqualTo(-1);
    assertThat(sampler.source()).isEqualTo("none");
  }

  private static HeapProbe probe(String source, java.util.function.Supplier<OptionalLong> reading) {
    return new HeapProbe() {
      @Override
      public OptionalLong usedHeapBytes() {
        return reading.get();
      }

      @Override
      public String source() {
        return source;
      }
    };
  }
}
