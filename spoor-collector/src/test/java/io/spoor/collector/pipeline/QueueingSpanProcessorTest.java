package io.spoor.collector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.collector.sanitizer.SpanSanitizer;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class QueueingSpanProcessorTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final CollectorMetrics metrics = new CollectorMetrics(registry);

  /** A writer that keeps what it is given and can be held shut to simulate slow storage. */
  static final class GatedWriter implements SpanWriter {
    final ConcurrentLinkedQueue<Span> stored = new ConcurrentLinkedQueue<>();
    final CountDownLatch gate;

    GatedWriter(CountDownLatch gate) {
      this.gate = gate;
    }

    @Override
    public void write(List<Span> spans) {
      try {
        gate.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException("interrupted");
      }
      stored.addAll(spans);
    }
  }

  private static List<Span> spans(int trace, int n) {
    List<Span> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(Span.newBuilder().traceId(TraceId.of(trace)).spanId(SpanId.of(i))
          .operationName("op").process(Process.of("svc")).build());
    }
    return out;
  }

  private double count(String name, String... tags) {
    var search = registry.find(name).tags(tags);
    return search.counters().stream().mapToDouble(c -> c.count()).sum();
  }

  @Test
  void floodAgainstSlowStorageIsShedAndEveryAcceptedSpanIsStored() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    GatedWriter writer = new GatedWriter(gate);
    PipelineConfig config = new PipelineConfig(1000, 64L << 20, 4, Duration.ofSeconds(10));
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    try (QueueingSpanProcessor processor =
        new QueueingSpanProcessor(config, writer, SpanSanitizer.standard(4096), metrics)) {
      processor.start();
      ExecutorService clients = Executors.newFixedThreadPool(8);
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < 8; c++) {
        int client = c;
        futures.add(clients.submit(() -> {
          for (int r = 0; r < 50; r++) {
            try {
              processor.process(SpanBatch.of(spans(client * 1000 + r + 1, 20), "otlp", "http"));
              accepted.addAndGet(20);
            } catch (OverCapacityException e) {
              refused.addAndGet(20);
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      clients.shutdown();
      // 8,000 spans offered; the queue holds 1,000 and each of 4 blocked workers holds one batch.
      assertThat(refused.get()).isPositive();
      assertThat(accepted.get()).isLessThanOrEqualTo(1000 + 4 * 20);
      assertThat(count("spoor.collector.spans.rejected", "reason", "queue_full")).isEqualTo(refused.get());
      assertThat(count("spoor.collector.spans.received")).isEqualTo(8000);
      assertThat(registry.get("spoor.collector.queue.length").gauge().value()).isLessThanOrEqualTo(1000);

      gate.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> writer.stored.size() == accepted.get());
      assertThat(count("spoor.collector.spans.saved")).isEqualTo(accepted.get());
    }
  }

  @Test
  void invalidIdsRejectTheWholeBatchWithTheSpanNamed() {
    GatedWriter writer = new GatedWriter(new CountDownLatch(0));
    try (QueueingSpanProcessor processor = new QueueingSpanProcessor(
        PipelineConfig.DEFAULTS, writer, SpanSanitizer.standard(4096), metrics)) {
      processor.start();
      List<Span> batch = new ArrayList<>(spans(1, 2));
      batch.add(Span.newBuilder().traceId(TraceId.ZERO).spanId(SpanId.of(3)).process(Process.of("s")).build());
      assertThatThrownBy(() -> processor.process(SpanBatch.of(batch, "jaeger", "grpc")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("spans[2].traceId: 0 (expected: a non-zero trace id)");
      assertThat(count("spoor.collector.spans.rejected", "reason", "invalid")).isEqualTo(3);
      processor.process(SpanBatch.of(spans(2, 1), "jaeger", "grpc"));
      await().atMost(Duration.ofSeconds(5)).until(() -> writer.stored.size() == 1);
      assertThat(writer.stored).allMatch(s -> s.traceId().equals(TraceId.of(2)));
    }
  }

  @Test
  void theFutureCompletesOnlyOnceTheSpansAreStored() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    GatedWriter writer = new GatedWriter(gate);
    try (QueueingSpanProcessor processor = new QueueingSpanProcessor(
        PipelineConfig.DEFAULTS, writer, SpanSanitizer.standard(4096), metrics)) {
      processor.start();
      var stored = processor.process(SpanBatch.of(spans(1, 3), "otlp", "grpc"));
      assertThat(stored).isNotDone();
      gate.countDown();
      stored.get(5, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(writer.stored).hasSize(3);
    }
  }

  @Test
  void storageFailuresAreCountedAsDropped() {
    SpanWriter failing = spans -> {
      throw new StorageException("disk full");
    };
    try (QueueingSpanProcessor processor = new QueueingSpanProcessor(
        PipelineConfig.DEFAULTS, failing, SpanSanitizer.standard(4096), metrics)) {
      processor.start();
      var stored = processor.process(SpanBatch.of(spans(1, 5), "zipkin", "http"));
      await().atMost(Duration.ofSeconds(5))
          .until(() -> count("spoor.collector.spans.dropped", "reason", "storage_error") == 5);
      assertThat(stored).isCompletedExceptionally();
    }
  }

  @Test
  void closeDrainsWhatWasAcceptedAndThenRefusesIntake() {
    GatedWriter writer = new GatedWriter(new CountDownLatch(0));
    QueueingSpanProcessor processor = new QueueingSpanProcessor(
        PipelineConfig.DEFAULTS, writer, SpanSanitizer.standard(4096), metrics);
    processor.start();
    for (int i = 1; i <= 20; i++) {
      processor.process(SpanBatch.of(spans(i, 10), "otlp", "grpc"));
    }
    processor.close();
    assertThat(writer.stored).hasSize(200);
    assertThatThrownBy(() -> processor.process(SpanBatch.of(spans(99, 1), "otlp", "grpc")))
        .isInstanceOf(OverCapacityException.class);
    processor.close();
  }

  @Test
  void memoryBoundRefusesBeforeTheSpanCountDoes() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    GatedWriter writer = new GatedWriter(gate);
    long oneBatch = SpanBatch.of(spans(1, 10), "otlp", "grpc").estimatedBytes();
    PipelineConfig config = new PipelineConfig(1_000_000, oneBatch * 2, 1, Duration.ofSeconds(5));
    try (QueueingSpanProcessor processor =
        new QueueingSpanProcessor(config, writer, SpanSanitizer.standard(4096), metrics)) {
      processor.start();
      processor.process(SpanBatch.of(spans(1, 10), "otlp", "grpc")); // taken by the worker
      await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("spoor.collector.queue.length").gauge().value() == 0);
      processor.process(SpanBatch.of(spans(2, 10), "otlp", "grpc"));
      processor.process(SpanBatch.of(spans(3, 10), "otlp", "grpc"));
      assertThatThrownBy(() -> processor.process(SpanBatch.of(spans(4, 10), "otlp", "grpc")))
          .isInstanceOf(OverCapacityException.class).hasMessageContaining("retry later");
      assertThat(processor.hasCapacity()).isFalse();
      processor.refusedBeforeDecoding("otlp", "http");
      assertThat(count("spoor.collector.requests.rejected", "reason", "queue_full")).isEqualTo(1);
      gate.countDown();
      await().atMost(Duration.ofSeconds(5)).until(processor::hasCapacity);
    }
    assertThat(writer.stored).hasSize(30);
  }
}
