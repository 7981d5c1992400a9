package io.spoor.collector.pipeline;

import java.time.Duration;

/**
 * Sizing of the span pipeline.
 *
 * @param queueSize the most spans waiting for storage ({@code --collector.queue-size})
 * @param queueBytes the most estimated bytes waiting ({@code --collector.queue-size-memory}, in MiB on
 *     the command line)
 * @param workers threads writing to storage ({@code --collector.num-workers})
 * @param shutdownTimeout how long {@code close()} drains the queue before dropping what is left
 */
public record PipelineConfig(int queueSize, long queueBytes, int workers, Duration shutdownTimeout) {
  /** Jaeger's queue size and a memory bound that keeps the collector well inside a 1 GiB heap. */
  public static final PipelineConfig DEFAULTS =
      new PipelineConfig(2000, 128L << 20, 50, Duration.ofSeconds(5));

  public PipelineConfig {
    if (queueSize <= 0) {
      throw new IllegalArgumentException("--collector.queue-size: " + queueSize + " (expected: > 0)");
    }
    if (queueBytes <= 0) {
      throw new IllegalArgumentException(
          "--collector.queue-size-memory: " + queueBytes + " bytes (expected: > 0)");
    }
    if (workers <= 0) {
      throw new IllegalArgumentException("--collector.num-workers: " + workers + " (expected: > 0)");
    }
    if (shutdownTimeout.isNegative()) {
      throw new IllegalArgumentException("shutdown timeout: " + shutdownTimeout + " (expected: >= 0)");
    }
  }
}
