package io.spoor.client.reporter;

import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorTracerBuilder;

/**
 * Receives every sampled span once, when it finishes.
 *
 * <p>{@link #report} runs on the application's thread that finished the span: implementations must be
 * thread-safe, fast, and must never block or throw.
 */
public interface Reporter extends AutoCloseable {
  /** Takes a finished, sampled span. */
  void report(SpoorSpan span);

  /** Starts background work, if the reporter has any; idempotent. {@link SpoorTracerBuilder#build()} calls it. */
  default void start() {}

  /** Sends what is pending and frees resources; idempotent. Spans reported afterwards are dropped. */
  @Override
  default void close() {}
}
