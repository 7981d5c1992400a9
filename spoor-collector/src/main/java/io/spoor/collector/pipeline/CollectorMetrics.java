package io.spoor.collector.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The collector's span counters on an injected registry. Prometheus names:
 * {@code spoor_collector_spans_received_total{format,transport}},
 * {@code spoor_collector_spans_rejected_total{format,transport,reason}} (refused back to the client:
 * {@code queue_full}, {@code invalid}), {@code spoor_collector_spans_dropped_total{reason}} (accepted
 * but never stored: {@code storage_error}, {@code shutdown}), {@code spoor_collector_spans_saved_total},
 * {@code spoor_collector_requests_rejected_total{format,transport,reason}} (requests refused before
 * their spans were decoded, because the queue was full), {@code spoor_collector_queue_length} (spans), {@code spoor_collector_queue_capacity} (spans),
 * {@code spoor_collector_queue_bytes}, {@code spoor_collector_save_latency_seconds}.
 *
 * <p>They obey: received = rejected + accepted, and accepted = saved + dropped + queue length.
 */
public final class CollectorMetrics {
  private final MeterRegistry registry;
  private final Counter saved;
  private final Timer saveLatency;

  public CollectorMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.saved = Counter.builder("spoor.collector.spans.saved")
        .description("Spans written to storage").register(registry);
    this.saveLatency = Timer.builder("spoor.collector.save.latency")
        .description("Time to write one batch to storage").register(registry);
  }

  void received(SpanBatch batch) {
    Counter.builder("spoor.collector.spans.received")
        .description("Spans decoded from requests")
        .tag("format", batch.format()).tag("transport", batch.transport())
        .register(registry).increment(batch.size());
  }

  void rejected(SpanBatch batch, String reason) {
    Counter.builder("spoor.collector.spans.rejected")
        .description("Spans refused back to the client, which may retry")
        .tag("format", batch.format()).tag("transport", batch.transport()).tag("reason", reason)
        .register(registry).increment(batch.size());
  }

  void refusedRequest(String format, String transport) {
    Counter.builder("spoor.collector.requests.rejected")
        .description("Requests refused with 429 / RESOURCE_EXHAUSTED before decoding, the queue being full")
        .tag("format", format).tag("transport", transport).tag("reason", "queue_full")
        .register(registry).increment();
  }

  void dropped(int spans, String reason) {
    Counter.builder("spoor.collector.spans.dropped")
        .description("Spans accepted but not stored")
        .tag("reason", reason)
        .register(registry).increment(spans);
  }

  void saved(int spans, Duration latency) {
    saved.increment(spans);
    saveLatency.record(latency);
  }

  void queue(BoundedSpanQueue queue) {
    registry.gauge("spoor.collector.queue.length", queue, BoundedSpanQueue::spans);
    registry.gauge("spoor.collector.queue.capacity", queue, BoundedSpanQueue::maxSpans);
    registry.gauge("spoor.collector.queue.bytes", queue, BoundedSpanQueue::bytes);
  }
}
