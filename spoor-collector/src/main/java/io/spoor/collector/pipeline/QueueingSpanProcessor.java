package io.spoor.collector.pipeline;

import io.spoor.collector.sanitizer.SpanSanitizer;
import io.spoor.model.Span;
import io.spoor.storage.SpanWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's {@link SpanProcessor}: validate, enqueue (bounded), and let worker threads sanitize
 * and write. {@link #start()} starts the workers; {@link #close()} stops intake, drains the queue
 * within the configured timeout, and counts what is left as dropped.
 */
public final class QueueingSpanProcessor implements SpanProcessor, AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(QueueingSpanProcessor.class);
  private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final PipelineConfig config;
  private final SpanWriter writer;
  private final SpanSanitizer sanitizer;
  private final CollectorMetrics metrics;
  private final BoundedSpanQueue queue;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong lastWarnNanos = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);
  private boolean started;
  private boolean closed;

  public QueueingSpanProcessor(
      PipelineConfig config, SpanWriter writer, SpanSanitizer sanitizer, CollectorMetrics metrics) {
    this.config = Objects.requireNonNull(config, "config");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.queue = new BoundedSpanQueue(config.queueSize(), config.queueBytes());
    metrics.queue(queue);
  }

  /** Starts the worker threads. */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    for (int i = 0; i < config.workers(); i++) {
      Thread t = new Thread(this::work, "spoor-collector-worker-" + i);
      t.setDaemon(true);
      t.start();
      workers.add(t);
    }
  }

  @Override
  public CompletableFuture<Void> process(SpanBatch batch) {
    metrics.received(batch);
    String invalid = findInvalidSpan(batch.spans());
    if (invalid != null) {
      metrics.rejected(batch, "invalid");
      throw new IllegalArgumentException(invalid);
    }
    if (batch.size() == 0) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> stored = new CompletableFuture<>();
    if (!queue.offer(new PendingBatch(batch, stored))) {
      metrics.rejected(batch, "queue_full");
      throw new OverCapacityException("collector queue is full ("
          + queue.spans() + " of " + queue.maxSpans() + " spans); retry later");
    }
    return stored;
  }

  @Override
  public boolean hasCapacity() {
    return !queue.isFull();
  }

  @Override
  public void refusedBeforeDecoding(String format, String transport) {
    metrics.refusedRequest(format, transport);
  }

  private static @Nullable String findInvalidSpan(List<Span> spans) {
    for (int i = 0; i < spans.size(); i++) {
      Span s = spans.get(i);
      if (s.traceId().isZero()) {
        return "spans[" + i + "].traceId: 0 (expected: a non-zero trace id)";
      }
      if (s.spanId().isZero()) {
        return "spans[" + i + "].spanId: 0 (expected: a non-zero span id)";
      }
    }
    return null;
  }

  private void work() {
    try {
      while (true) {
        PendingBatch batch = queue.poll(100, TimeUnit.MILLISECONDS);
        if (batch == null) {
          if (isClosed()) {
            return;
          }
          continue;
        }
        write(batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void write(PendingBatch pending) {
    SpanBatch batch = pending.batch();
    List<Span> sanitized = new ArrayList<>(batch.size());
    for (Span span : batch.spans()) {
      sanitized.add(sanitizer.sanitize(span));
    }
    long start = System.nanoTime();
    try {
      writer.write(sanitized);
      metrics.saved(sanitized.size(), Duration.ofNanos(System.nanoTime() - start));
      pending.stored().complete(null);
    } catch (RuntimeException e) {
      metrics.dropped(sanitized.size(), "storage_error");
      warnRateLimited(e, sanitized.size());
      pending.stored().completeExceptionally(e);
    }
  }

  private void warnRateLimited(RuntimeException e, int spans) {
    long now = System.nanoTime();
    long last = lastWarnNanos.get();
    if (now - last >= WARN_INTERVAL_NANOS && lastWarnNanos.compareAndSet(last, now)) {
      logger.warn("Storage refused {} spans (further failures in the next 10s are only counted in "
          + "spoor_collector_spans_dropped_total): {}", spans, e.toString());
    }
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  /** Stops intake, drains within the shutdown timeout, then drops (and counts) what is left. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    queue.close();
    long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
    boolean interrupted = false;
    for (Thread t : workers) {
      try {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
      t.interrupt();
    }
    try {
      PendingBatch left;
      while ((left = queue.poll(0, TimeUnit.MILLISECONDS)) != null) {
        metrics.dropped(left.batch().size(), "shutdown");
        left.stored().completeExceptionally(new OverCapacityException("collector shut down before storing"));
      }
    } catch (InterruptedException e) {
      interrupted = true;
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
