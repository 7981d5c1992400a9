package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * What one load run does. Validated on construction: the target must be a loopback address, since the
 * benchmark is meant to measure a collector on this machine and never to load anyone else's.
 *
 * @param target base URL of the collector, e.g. {@code http://127.0.0.1:9411}; the format's path is appended
 *     (for gRPC only host and port are used)
 * @param concurrency connections, one request in flight on each
 * @param warmup time spent sending before latencies and counts are recorded
 * @param duration time spent sending while recording, after the warm-up
 * @param spansPerRequest spans per generated batch (Jaeger splits a batch into one request per service)
 * @param services services the traces span
 * @param poolSize generated batches, sent round-robin with fresh trace ids
 */
public record LoadSettings(
    URI target,
    Format format,
    int concurrency,
    Duration warmup,
    Duration duration,
    int spansPerRequest,
    int services,
    int poolSize,
    Duration requestTimeout,
    long seed) {

  public LoadSettings {
    requireNonNull(target, "target");
    requireNonNull(format, "format");
    requireNonNull(warmup, "warmup");
    requireNonNull(duration, "duration");
    requireNonNull(requestTimeout, "requestTimeout");
    requirePositive("concurrency", concurrency);
    requirePositive("spansPerRequest", spansPerRequest);
    requirePositive("services", services);
    requirePositive("poolSize", poolSize);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("duration: " + duration + " (expected: > 0)");
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("warmup: " + warmup + " (expected: >= 0)");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout: " + requestTimeout + " (expected: > 0)");
    }
    requireLoopback(target);
  }

  /** The settings with another concurrency. */
  public LoadSettings withConcurrency(int newConcurrency) {
    return new LoadSettings(target, format, newConcurrency, warmup, duration, spansPerRequest, services,
        poolSize, requestTimeout, seed);
  }

  /** The settings with another target. */
  public LoadSettings withTarget(URI newTarget) {
    return new LoadSettings(newTarget, format, concurrency, warmup, duration, spansPerRequest, services,
        poolSize, requestTimeout, seed);
  }

  /** The full request URI: the target's base with the format's path. */
  URI endpoint() {
    String base = target.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + format.path());
  }

  /** One transport per connection slot, speaking this run's format. */
  Transport.Factory transports() {
    if (format.isGrpc()) {
      return slot -> new GrpcTransport(target.getHost(), target.getPort(), requestTimeout);
    }
    URI endpoint = endpoint();
    return slot -> new HttpTransport(endpoint, format.contentType(), requestTimeout);
  }

  private static void requirePositive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
  }

  private static void requireLoopback(URI target) {
    String host = target.getHost();
    if (host == null || target.getPort() < 1) {
      throw new IllegalArgumentException("target: " + target + " (expected: scheme://host:port)");
    }
    try {
      if (!InetAddress.getByName(host).isLoopbackAddress()) {
        throw new IllegalArgumentException("target: " + target + " (expected: a loopback address such as 127.0.0.1)");
      }
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("target: " + target + " (expected: a resolvable loopback host)", e);
    }
  }
}
