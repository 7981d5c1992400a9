package io.spoor.agent;

import io.grpc.StatusRuntimeException;
import io.spoor.codec.jaeger.proto.JaegerProtoCodec;
import io.spoor.model.Span;
import io.spoor.proto.api_v2.Collector.PostSpansRequest;
import io.spoor.proto.api_v2.CollectorServiceGrpc;
import io.spoor.proto.api_v2.Model;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends batches to the collectors with {@code PostSpans}. {@link #report} only offers the batch to a
 * bounded queue (a full queue drops and counts it); sender threads take batches in order and send
 * each to the next collector in turn, with a deadline. A failed send is retried on the next collector
 * after a backoff that doubles up to a maximum, a bounded number of times; then the batch is dropped
 * and counted. The agent's tags are added to every process on the way out.
 */
final class GrpcReporter implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(GrpcReporter.class);
  private static final Duration WARN_EVERY = Duration.ofSeconds(10);

  private final ReporterConfig config;
  private final CollectorChannels channels;
  private final AgentMetrics metrics;
  private final List<Model.KeyValue> agentTags;
  private final JaegerProtoCodec codec = new JaegerProtoCodec();
  private final BlockingQueue<List<Span>> queue;
  private final List<Thread> senders = new ArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile long drainDeadlineNanos;
  private volatile long lastWarnNanos = System.nanoTime() - WARN_EVERY.toNanos();
  private boolean started;

  GrpcReporter(ReporterConfig config, CollectorChannels channels, Map<String, String> agentTags, AgentMetrics metrics) {
    this.config = config;
    this.channels = channels;
    this.metrics = metrics;
    this.queue = new ArrayBlockingQueue<>(config.queueSize());
    List<Model.KeyValue> tags = new ArrayList<>();
    agentTags.forEach((k, v) -> tags.add(Model.KeyValue.newBuilder()
        .setKey(k).setVType(Model.ValueType.STRING).setVStr(v).build()));
    this.agentTags = List.copyOf(tags);
    metrics.queueLength(queue::size);
  }

  synchronized void start() {
    if (started) {
      return;
    }
    started = true;
    for (int i = 0; i < config.senders(); i++) {
      Thread t = new Thread(this::send, "spoor-agent-reporter-" + i);
      t.setDaemon(true);
      senders.add(t);
      t.start();
    }
  }

  /** Queues the spans of one datagram; never blocks. */
  void report(List<Span> spans) {
    if (closing.getCount() == 0) {
      metrics.batchDropped(spans.size(), "shutdown");
      return;
    }
    if (!queue.offer(spans)) {
      metrics.batchDropped(spans.size(), "queue_full");
      warn("Reporter queue full ({} batches); dropping batches until the collectors catch up", config.queueSize());
    }
  }

  private void send() {
    while (closing.getCount() > 0 || !queue.isEmpty()) {
      List<Span> spans;
      try {
        spans = queue.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (spans == null) {
        continue;
      }
      if (closing.getCount() == 0 && System.nanoTime() - drainDeadlineNanos > 0) {
        metrics.batchDropped(spans.size(), "shutdown");
        continue;
      }
      deliver(spans);
    }
  }

  private void deliver(List<Span> spans) {
    PostSpansRequest request = PostSpansRequest.newBuilder().setBatch(withAgentTags(codec.toBatch(spans))).build();
    long backoff = config.initialBackoff().toNanos();
    for (int attempt = 0; ; attempt++) {
      try {
        CollectorServiceGrpc.newBlockingStub(channels.next())
            .withDeadlineAfter(config.timeout().toNanos(), TimeUnit.NANOSECONDS)
            .postSpans(request);
        metrics.sent(spans.size());
        return;
      } catch (StatusRuntimeException e) {
        if (attempt >= config.retries()) {
          metrics.batchDropped(spans.size(), "send_failed");
          warn("Dropped a batch of {} spans after {} attempts: {}", spans.size(), attempt + 1, e.getStatus());
          return;
        }
        metrics.retried();
        logger.debug("Sending {} spans failed ({}); retrying", spans.size(), e.getStatus());
      }
      try {
        if (closing.await(backoff, TimeUnit.NANOSECONDS)) {
          // Shutting down: one last try without waiting, then give up.
          backoff = 0;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        metrics.batchDropped(spans.size(), "shutdown");
        return;
      }
      backoff = Math.min(backoff * 2, config.maxBackoff().toNanos());
    }
  }

  private Model.Batch withAgentTags(Model.Batch batch) {
    if (agentTags.isEmpty()) {
      return batch;
    }
    Model.Batch.Builder b = batch.toBuilder();
    if (b.hasProcess()) {
      b.getProcessBuilder().addAllTags(agentTags);
    }
    for (Model.Span.Builder span : b.getSpansBuilderList()) {
      if (span.hasProcess()) {
        span.getProcessBuilder().addAllTags(agentTags);
      }
    }
    return b.build();
  }

  private void warn(String format, Object... args) {
    long now = System.nanoTime();
    if (now - lastWarnNanos >= WARN_EVERY.toNanos()) {
      lastWarnNanos = now;
      logger.warn(format, args);
    }
  }

  /** Stops taking batches, sends what is queued (retries without waiting), and stops the senders. */
  @Override
  public void close() {
    if (closing.getCount() == 0) {
      return;
    }
    // Queued batches get one timeout's worth of time to go out; the rest are dropped as shutdown.
    drainDeadlineNanos = System.nanoTime() + config.timeout().toNanos();
    closing.countDown();
    for (Thread t : senders) {
      try {
        t.join(config.timeout().multipliedBy(3).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    List<List<Span>> left = new ArrayList<>();
    queue.drainTo(left);
    left.forEach(spans -> metrics.batchDropped(spans.size(), "shutdown"));
  }
}
