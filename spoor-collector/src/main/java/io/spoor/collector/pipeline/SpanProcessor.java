package io.spoor.collector.pipeline;

import java.util.concurrent.CompletableFuture;

/** Where receivers hand decoded spans. Thread-safe; never blocks the caller. */
public interface SpanProcessor {
  /**
   * Validates the batch and accepts it whole for storage, or refuses it whole. The returned future
   * completes once the spans are stored (durable as far as the storage promises, e.g. in RocksDB's
   * write-ahead log), or exceptionally with the storage's error: receivers answer the client only
   * then, so an acknowledged span is never lost when the process dies.
   *
   * @throws IllegalArgumentException when a span is invalid (a zero trace or span id); nothing of the
   *     batch is stored, and the message names the span
   * @throws OverCapacityException when the queue cannot take the batch now; the client should retry
   */
  CompletableFuture<Void> process(SpanBatch batch);

  /**
   * Whether a batch could be taken now. Receivers ask before decoding, so that a collector under
   * overload answers 429 / RESOURCE_EXHAUSTED without spending CPU on spans it would refuse. A true
   * answer is a hint, not a promise: {@link #process} may still refuse.
   */
  default boolean hasCapacity() {
    return true;
  }

  /** Counts a request refused by {@link #hasCapacity()} before its spans were decoded. */
  default void refusedBeforeDecoding(String format, String transport) {}
}
