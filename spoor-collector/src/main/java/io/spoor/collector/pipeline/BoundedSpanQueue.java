package io.spoor.collector.pipeline;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * A FIFO of batches bounded by the number of spans and by their estimated bytes. A batch is taken
 * whole or refused whole. A single batch larger than the bounds is taken only when the queue is
 * empty, so a big request is slow rather than refused forever; the request size limit of each
 * receiver keeps it bounded.
 */
final class BoundedSpanQueue {
  private final long maxSpans;
  private final long maxBytes;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<PendingBatch> batches = new ArrayDeque<>();
  private long spans;
  private long bytes;
  private boolean closed;

  BoundedSpanQueue(long maxSpans, long maxBytes) {
    if (maxSpans <= 0) {
      throw new IllegalArgumentException("queue size: " + maxSpans + " (expected: > 0)");
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("queue memory: " + maxBytes + " bytes (expected: > 0)");
    }
    this.maxSpans = maxSpans;
    this.maxBytes = maxBytes;
  }

  /** Adds the batch unless that would exceed a bound or the queue is closed. Never blocks on space. */
  boolean offer(PendingBatch pending) {
    SpanBatch batch = pending.batch();
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      boolean fits = spans + batch.size() <= maxSpans && bytes + batch.estimatedBytes() <= maxBytes;
      if (!fits && !batches.isEmpty()) {
        return false;
      }
      batches.addLast(pending);
      spans += batch.size();
      bytes += batch.estimatedBytes();
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The oldest batch, waiting up to the timeout; null on timeout, or when the queue is closed and
   * drained.
   */
  @Nullable PendingBatch poll(long timeout, TimeUnit unit) throws InterruptedException {
    long nanos = unit.toNanos(timeout);
    lock.lockInterruptibly();
    try {
      while (batches.isEmpty()) {
        if (closed || nanos <= 0) {
          return null;
        }
        nanos = notEmpty.awaitNanos(nanos);
      }
      PendingBatch pending = batches.removeFirst();
      spans -= pending.batch().size();
      bytes -= pending.batch().estimatedBytes();
      return pending;
    } finally {
      lock.unlock();
    }
  }

  /** Whether any batch would be refused now: closed, or at a bound. */
  boolean isFull() {
    lock.lock();
    try {
      return closed || spans >= maxSpans || bytes >= maxBytes;
    } finally {
      lock.unlock();
    }
  }

  /** Refuses further offers; what is queued can still be polled. */
  void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  long spans() {
    lock.lock();
    try {
      return spans;
    } finally {
      lock.unlock();
    }
  }

  long bytes() {
    lock.lock();
    try {
      return bytes;
    } finally {
      lock.unlock();
    }
  }

  long maxSpans() {
    return maxSpans;
  }

  long maxBytes() {
    return maxBytes;
  }
}
