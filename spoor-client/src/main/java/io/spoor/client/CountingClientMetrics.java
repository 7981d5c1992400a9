package io.spoor.client;

import java.util.concurrent.atomic.LongAdder;

/** {@link ClientMetrics} kept in counters that can be read at any time; thread-safe. */
public final class CountingClientMetrics implements ClientMetrics {
  private final LongAdder started = new LongAdder();
  private final LongAdder sampledStarted = new LongAdder();
  private final LongAdder finished = new LongAdder();
  private final LongAdder reported = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final LongAdder droppedQueueFull = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder samplerUpdates = new LongAdder();
  private final LongAdder samplerFailures = new LongAdder();

  @Override
  public void spanStarted(boolean sampled) {
    started.increment();
    if (sampled) {
      sampledStarted.increment();
    }
  }

  @Override
  public void spanFinished(boolean sampled) {
    finished.increment();
  }

  @Override
  public void spansReported(int count) {
    reported.add(count);
  }

  @Override
  public void spansDropped(int count, DropReason reason) {
    dropped.add(count);
    if (reason == DropReason.QUEUE_FULL) {
      droppedQueueFull.add(count);
    }
  }

  @Override
  public void spansFailed(int count) {
    failed.add(count);
  }

  @Override
  public void samplerUpdated() {
    samplerUpdates.increment();
  }

  @Override
  public void samplerQueryFailed() {
    samplerFailures.increment();
  }

  /** Spans started, sampled or not. */
  public long started() {
    return started.sum();
  }

  /** Sampled spans started. */
  public long sampledStarted() {
    return sampledStarted.sum();
  }

  /** Spans finished, sampled or not. */
  public long finished() {
    return finished.sum();
  }

  /** Spans handed to the transport without error. */
  public long reported() {
    return reported.sum();
  }

  /** Spans dropped for any reason. */
  public long dropped() {
    return dropped.sum();
  }

  /** Spans dropped because the queue was full. */
  public long droppedQueueFull() {
    return droppedQueueFull.sum();
  }

  /** Spans lost to transport errors. */
  public long failed() {
    return failed.sum();
  }

  /** Strategies the remote sampler applied. */
  public long samplerUpdates() {
    return samplerUpdates.sum();
  }

  /** Failed remote sampler queries. */
  public long samplerQueryFailures() {
    return samplerFailures.sum();
  }
}
