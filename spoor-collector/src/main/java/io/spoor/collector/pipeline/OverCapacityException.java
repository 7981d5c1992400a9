package io.spoor.collector.pipeline;

/**
 * The collector cannot take more spans now (its queue is full, or it is shutting down). Maps to HTTP
 * 429 with {@code Retry-After} and gRPC RESOURCE_EXHAUSTED, so clients retry later.
 */
public class OverCapacityException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OverCapacityException(String message) {
    super(message, null, false, false);
  }
}
