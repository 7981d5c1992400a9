package io.spoor.agent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where and how batches go to the collectors.
 *
 * @param collectors gRPC api_v2 endpoints, used round robin ({@code --reporter.grpc.host-port})
 * @param queueSize batches waiting to be sent; when full, new ones are dropped and counted as {@code
 *     queue_full} ({@code --reporter.queue-size}, 1000)
 * @param retries how often a failed send is retried, on the next collector, before the batch is
 *     dropped as {@code send_failed} ({@code --reporter.grpc.retry.max}, 3)
 * @param timeout deadline of one send or one sampling request ({@code --reporter.grpc.timeout}, 5s)
 * @param initialBackoff wait before the first retry; it doubles up to {@code maxBackoff}
 * @param senders threads sending batches ({@code --reporter.grpc.workers}, 2)
 */
public record ReporterConfig(
    List<Address> collectors, int queueSize, int retries, Duration timeout, Duration initialBackoff,
    Duration maxBackoff, int senders) {
  public static final int DEFAULT_QUEUE_SIZE = 1000;
  public static final int DEFAULT_RETRIES = 3;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);
  public static final int DEFAULT_SENDERS = 2;

  public ReporterConfig {
    collectors = List.copyOf(collectors);
    if (collectors.isEmpty()) {
      throw new IllegalArgumentException("--reporter.grpc.host-port: empty (expected: host:port[,host:port...])");
    }
    for (Address a : collectors) {
      if (a.host() == null || a.port() == 0) {
        throw new IllegalArgumentException("--reporter.grpc.host-port: \"" + a + "\" (expected: host:port)");
      }
    }
    if (queueSize <= 0) {
      throw new IllegalArgumentException("--reporter.queue-size: " + queueSize + " (expected: > 0)");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("--reporter.grpc.retry.max: " + retries + " (expected: >= 0)");
    }
    positive(timeout, "--reporter.grpc.timeout");
    positive(initialBackoff, "initial backoff");
    positive(maxBackoff, "max backoff");
    if (senders <= 0) {
      throw new IllegalArgumentException("--reporter.grpc.workers: " + senders + " (expected: > 0)");
    }
  }

  private static void positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + ": " + d + " (expected: > 0)");
    }
  }

  /** The defaults, sending to {@code collectors}. */
  public static ReporterConfig defaults(List<Address> collectors) {
    return new ReporterConfig(collectors, DEFAULT_QUEUE_SIZE, DEFAULT_RETRIES, DEFAULT_TIMEOUT,
        DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_SENDERS);
  }
}
