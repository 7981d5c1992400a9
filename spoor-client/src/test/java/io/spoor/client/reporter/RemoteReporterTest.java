package io.spoor.client.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spoor.client.CountingClientMetrics;
import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorTracer;
import io.spoor.client.sampler.ConstSampler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RemoteReporterTest {
  /** A sender whose first append waits until released. */
  static final class GatedSender implements Sender {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final List<String> appended = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final AtomicInteger flushes = new AtomicInteger();
    volatile boolean closed;

    @Override
    public void append(SpoorSpan span) {
      threads.add(Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? "/daemon" : ""));
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      appended.add(span.operationName());
    }

    @Override
    public void flush() {
      flushes.incrementAndGet();
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  final CountingClientMetrics metrics = new CountingClientMetrics();

  private SpoorSpan span(SpoorTracer tracer, String name) {
    SpoorSpan span = (SpoorSpan) tracer.buildSpan(name).start();
    span.finish();
    return span;
  }

  @Test
  void fullQueueDropsAndCountsAndCloseSendsTheRest() throws Exception {
    GatedSender sender = new GatedSender();
    RemoteReporter reporter = new RemoteReporter(sender, 2, Duration.ofHours(1), metrics);
    SpoorTracer tracer = SpoorTracer.builder("s").sampler(new ConstSampler(true)).reporter(reporter)
        .metrics(metrics).build();
    span(tracer, "first");
    assertThat(sender.entered.await(10, TimeUnit.SECONDS)).isTrue();
    for (int i = 0; i < 4; i++) {
      span(tracer, "queued-" + i);
    }
    assertThat(metrics.droppedQueueFull()).isEqualTo(2);
    assertThat(reporter.queueSize()).isEqualTo(2);
    sender.release.countDown();
    tracer.close();
    assertThat(sender.appended).containsExactly("first", "queued-0", "queued-1");
    assertThat(sender.threads).allMatch(t -> t.equals("spoor-client-reporter/daemon"));
    assertThat(sender.flushes.get()).isGreaterThanOrEqualTo(1);
    assertThat(sender.closed).isTrue();
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("spoor-client-reporter"));
    span(tracer, "after-close");
    assertThat(metrics.dropped()).isEqualTo(3);
  }

  @Test
  void flushesOnTheInterval() {
    GatedSender sender = new GatedSender();
    sender.release.countDown();
    RemoteReporter reporter = new RemoteReporter(sender, 10, Duration.ofMillis(20), metrics);
    reporter.start();
    try {
      int before = sender.flushes.get();
      await().atMost(Duration.ofSeconds(5)).until(() -> sender.flushes.get() >= before + 3);
    } finally {
      reporter.close();
    }
  }

  @Test
  void aThrowingSenderCountsFailuresAndTheThreadGoesOn() {
    List<String> appended = new CopyOnWriteArrayList<>();
    Sender flaky = new Sender() {
      @Override
      public void append(SpoorSpan span) {
        if (span.operationName().startsWith("bad")) {
          throw new IllegalStateException("boom");
        }
        appended.add(span.operationName());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    SpoorTracer tracer = SpoorTracer.builder("s").sampler(new ConstSampler(true)).metrics(metrics)
        .reporter(new RemoteReporter(flaky, 10, Duration.ofSeconds(1), metrics)).build();
    span(tracer, "bad-1");
    span(tracer, "good");
    tracer.close();
    assertThat(appended).containsExactly("good");
    assertThat(metrics.failed()).isEqualTo(1);
  }
}
