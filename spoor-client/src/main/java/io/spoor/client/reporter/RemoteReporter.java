package io.spoor.client.reporter;

import static java.util.Objects.requireNonNull;

import io.spoor.client.ClientMetrics;
import io.spoor.client.SpoorSpan;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Queues finished spans in a bounded queue that one daemon thread, {@code spoor-client-reporter}, drains
 * into a {@link Sender}; the sender's pending batch is flushed every flush interval. When the queue is full
 * a span is dropped and counted ({@link ClientMetrics.DropReason#QUEUE_FULL}): the application never waits.
 *
 * <p>{@link #start()} starts the thread. {@link #close()} stops intake, lets the thread send everything
 * queued, flushes and closes the sender, and waits for that up to the close timeout.
 */
public final class RemoteReporter implements Reporter {
  /** The default queue size, as in Jaeger's clients: 100 spans. */
  public static final int DEFAULT_MAX_QUEUE_SIZE = 100;
  /** The default flush interval, as in Jaeger's clients: one second. */
  public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);

  private static final Object CLOSE = new Object();
  private static final Object FLUSH = new Object();

  private final Sender sender;
  private final int maxQueueSize;
  private final long flushNanos;
  private final Duration closeTimeout;
  private final ClientMetrics metrics;
  // Two slots more than spans are allowed, so that the CLOSE and FLUSH signals always fit.
  private final BlockingQueue<Object> queue;
  private final AtomicInteger queued = new AtomicInteger();
  private volatile boolean closed;
  private @Nullable Thread thread;

  /**
   * A reporter; call {@link #start()} before use.
   *
   * @throws IllegalArgumentException when the queue size is below 1 or the interval not positive
   */
  public RemoteReporter(Sender sender, int maxQueueSize, Duration flushInterval, ClientMetrics metrics) {
    this.sender = requireNonNull(sender, "sender");
    if (maxQueueSize < 1) {
      throw new IllegalArgumentException("max queue size: " + maxQueueSize + " (expected: >= 1)");
    }
    if (flushInterval.isNegative() || flushInterval.isZero()) {
      throw new IllegalArgumentException("flush interval: " + flushInterval + " (expected: > 0)");
    }
    this.maxQueueSize = maxQueueSize;
    this.flushNanos = flushInterval.toNanos();
    this.closeTimeout = Duration.ofSeconds(10);
    this.metrics = requireNonNull(metrics, "metrics");
    this.queue = new ArrayBlockingQueue<>(maxQueueSize + 2);
  }

  /** Starts the reporter thread; idempotent. */
  @Override
  public synchronized void start() {
    if (thread != null || closed) {
      return;
    }
    Thread t = new Thread(this::run, "spoor-client-reporter");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void report(SpoorSpan span) {
    if (closed) {
      metrics.spansDropped(1, ClientMetrics.DropReason.CLOSED);
      return;
    }
    if (queued.incrementAndGet() > maxQueueSize) {
      queued.decrementAndGet();
      metrics.spansDropped(1, ClientMetrics.DropReason.QUEUE_FULL);
      return;
    }
    if (!queue.offer(span)) { // only when concurrent flush() calls took the spare slots
      queued.decrementAndGet();
      metrics.spansDropped(1, ClientMetrics.DropReason.QUEUE_FULL);
    }
  }

  /** Asks the reporter thread to send what it holds now, without waiting for it. */
  public void flush() {
    if (!queue.contains(FLUSH)) {
      queue.offer(FLUSH);
    }
  }

  /** Spans waiting in the queue. */
  public int queueSize() {
    return queued.get();
  }

  private void run() {
    long nextFlush = System.nanoTime() + flushNanos;
    try {
      while (true) {
        Object item = queue.poll(Math.max(0, nextFlush - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (item == CLOSE) {
          break;
        }
        if (item instanceof SpoorSpan span) {
          queued.decrementAndGet();
          appendSafely(span);
        }
        if (item == FLUSH || System.nanoTime() - nextFlush >= 0) {
          flushSafely();
          nextFlush = System.nanoTime() + flushNanos;
        }
      }
      for (Object item; (item = queue.poll()) != null; ) {
        if (item instanceof SpoorSpan span) {
          queued.decrementAndGet();
          appendSafely(span);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      flushSafely();
      sender.close();
    }
  }

  private void appendSafely(SpoorSpan span) {
    try {
      sender.append(span);
    } catch (RuntimeException e) {
      metrics.spansFailed(1);
    }
  }

  private void flushSafely() {
    try {
      sender.flush();
    } catch (RuntimeException e) {
      // the sender counted its spans as failed
    }
  }

  @Override
  public void close() {
    Thread t;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      t = thread;
    }
    if (t == null) {
      sender.close();
      return;
    }
    queue.offer(CLOSE);
    try {
      t.join(closeTimeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "RemoteReporter(" + sender + ")";
  }
}
