package io.spoor.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;

/**
 * The agent's counters on an injected registry. Prometheus names:
 * {@code spoor_agent_packets_received_total{protocol}} (datagrams read),
 * {@code spoor_agent_packets_dropped_total{protocol,reason}} ({@code queue_full}, {@code too_large},
 * {@code malformed}), {@code spoor_agent_spans_received_total{protocol}} (decoded),
 * {@code spoor_agent_reporter_batches_sent_total}, {@code spoor_agent_reporter_spans_sent_total},
 * {@code spoor_agent_reporter_batches_dropped_total{reason}} and
 * {@code spoor_agent_reporter_spans_dropped_total{reason}} ({@code queue_full}, {@code send_failed},
 * {@code shutdown}), {@code spoor_agent_reporter_retries_total}, {@code spoor_agent_reporter_queue_length}
 * (batches), {@code spoor_agent_sampling_requests_total{endpoint,result}}.
 *
 * <p>They obey: packets received = dropped + decoded; decoded batches = sent + dropped + queued.
 */
final class AgentMetrics {
  private final MeterRegistry registry;
  private final Counter batchesSent;
  private final Counter spansSent;
  private final Counter retries;

  AgentMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.batchesSent = Counter.builder("spoor.agent.reporter.batches.sent")
        .description("Batches the collector accepted").register(registry);
    this.spansSent = Counter.builder("spoor.agent.reporter.spans.sent")
        .description("Spans the collector accepted").register(registry);
    this.retries = Counter.builder("spoor.agent.reporter.retries")
        .description("Sends tried again after a failure").register(registry);
  }

  /** The counters of one UDP endpoint, looked up once rather than per datagram. */
  Udp udp(String protocol) {
    return new Udp(
        Counter.builder("spoor.agent.packets.received").description("UDP datagrams read")
            .tag("protocol", protocol).register(registry),
        dropped(protocol, "too_large"), dropped(protocol, "queue_full"), dropped(protocol, "malformed"),
        Counter.builder("spoor.agent.spans.received").description("Spans decoded from UDP datagrams")
            .tag("protocol", protocol).register(registry));
  }

  private Counter dropped(String protocol, String reason) {
    return Counter.builder("spoor.agent.packets.dropped").description("UDP datagrams dropped before reporting")
        .tag("protocol", protocol).tag("reason", reason).register(registry);
  }

  record Udp(Counter received, Counter tooLarge, Counter queueFull, Counter malformed, Counter spans) {}

  void sent(int spans) {
    batchesSent.increment();
    spansSent.increment(spans);
  }

  void retried() {
    retries.increment();
  }

  void batchDropped(int spans, String reason) {
    Counter.builder("spoor.agent.reporter.batches.dropped").description("Batches never delivered")
        .tag("reason", reason).register(registry).increment();
    Counter.builder("spoor.agent.reporter.spans.dropped").description("Spans never delivered")
        .tag("reason", reason).register(registry).increment(spans);
  }

  void queueLength(Supplier<Number> length) {
    io.micrometer.core.instrument.Gauge.builder("spoor.agent.reporter.queue.length", length)
        .description("Batches waiting to be sent").register(registry);
  }

  void samplingRequest(String endpoint, String result) {
    Counter.builder("spoor.agent.sampling.requests").description("Sampling strategy requests answered")
        .tag("endpoint", endpoint).tag("result", result).register(registry).increment();
  }
}
