package io.spoor.client;

/**
 * Events a tracer reports about itself. Implementations must be thread-safe and cheap: {@link
 * #spanStarted} and {@link #spanFinished} run on the application's threads for every span.
 *
 * <p>The counters relate as follows: every sampled finished span is offered to the reporter, and is
 * then either {@linkplain #spansReported reported}, {@linkplain #spansDropped dropped} (queue full, too
 * large for one packet, or the reporter closed) or counted as {@linkplain #spansFailed failed} (the
 * transport raised an error), once.
 */
public interface ClientMetrics {
  /** Metrics that go nowhere. */
  ClientMetrics NONE = new ClientMetrics() {};

  /** A span started; {@code sampled} tells whether it will be reported. */
  default void spanStarted(boolean sampled) {}

  /** A span finished; {@code sampled} tells whether it was offered to the reporter. */
  default void spanFinished(boolean sampled) {}

  /** {@code count} spans were handed to the transport without error. */
  default void spansReported(int count) {}

  /** {@code count} spans were dropped before sending, for the given reason. */
  default void spansDropped(int count, DropReason reason) {}

  /** {@code count} spans were lost because the transport failed. */
  default void spansFailed(int count) {}

  /** The remote sampler received a strategy and applied it. */
  default void samplerUpdated() {}

  /** The remote sampler could not fetch or parse a strategy. */
  default void samplerQueryFailed() {}

  /** Why spans were dropped. */
  enum DropReason {
    /** The reporter's bounded queue was full. */
    QUEUE_FULL,
    /** One span alone was larger than the transport's limit. */
    TOO_LARGE,
    /** The reporter was already closed. */
    CLOSED
  }
}
