package io.spoor.client.sampler;

import io.spoor.client.SpoorTracerBuilder;

/**
 * Decides whether a new trace is recorded. It is asked once per trace, when its root span starts;
 * children inherit the decision through their context.
 *
 * <p>Implementations must be thread-safe, must not block, and should not allocate per call: return
 * decisions created in advance.
 */
public interface Sampler extends AutoCloseable {
  /**
   * Decides for a root span.
   *
   * @param operation the root span's operation name
   * @param traceIdHigh the high 64 bits of the new trace id (0 for 64-bit ids)
   * @param traceIdLow the low 64 bits of the new trace id
   */
  SamplingDecision sample(String operation, long traceIdHigh, long traceIdLow);

  /** Starts background work, if the sampler has any; idempotent. {@link SpoorTracerBuilder#build()} calls it. */
  default void start() {}

  /** Stops any background work; idempotent. The default does nothing. */
  @Override
  default void close() {}
}
