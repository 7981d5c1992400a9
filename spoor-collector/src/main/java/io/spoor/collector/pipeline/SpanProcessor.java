package io.spoor.collector.pipeline;

/** Where receivers hand decoded spans. Thread-safe; never blocks the caller. */
public interface SpanProcessor {
  /**
   * Validates the batch and accepts it whole for storage, or refuses it whole.
   *
   * @throws IllegalArgumentException when a span is invalid (a zero trace or span id); nothing of the
   *     batch is stored, and the message names the span
   * @throws OverCapacityException when the queue cannot take the batch now; the client should retry
   */
  void process(SpanBatch batch);
}
