package io.spoor.client.sampler;

import static java.util.Objects.requireNonNull;

import io.spoor.client.ClientMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Polls the agent's sampling endpoint ({@code GET <endpoint>?service=<name>}, Jaeger's strategy JSON)
 * and samples with what it returns: probabilistic, rate-limiting, or per operation with a default
 * probability and a lower bound. Until the first successful answer, and whenever the endpoint cannot be
 * reached, it samples with the initial sampler or the last strategy it applied.
 *
 * <p>{@link #start()} begins polling on one daemon thread, {@code spoor-client-sampler}: the first
 * poll at once, then every poll interval. {@link #pollOnce()} polls on the caller's thread (tests).
 * A strategy equal to the current one is not re-applied, so rate-limiter buckets keep their state.
 */
public final class RemoteSampler implements Sampler {
  /** The default poll interval, as in Jaeger's clients: one minute. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(1);
  /** The default maximum of operations with a sampler of their own: 2000. */
  public static final int DEFAULT_MAX_OPERATIONS = 2000;
  private static final int MAX_RESPONSE_CHARS = 1 << 20;

  private final URI query;
  private final Duration pollInterval;
  private final int maxOperations;
  private final LongSupplier nanoTime;
  private final ClientMetrics metrics;
  private @Nullable HttpClient http;
  private volatile Sampler delegate;
  private volatile @Nullable SamplingStrategy applied;
  private @Nullable ScheduledExecutorService poller;

  /**
   * A remote sampler; it does no I/O until {@link #start()} or {@link #pollOnce()}.
   *
   * @param serviceName the service whose strategy is asked for
   * @param endpoint the sampling URL without query, e.g. {@code http://localhost:5778/sampling}
   * @param initial the sampler used until a strategy arrives
   * @param nanoTime a monotonic nanosecond source for the rate limiters
   * @throws IllegalArgumentException when the endpoint is not http(s), the interval is not positive or
   *     maxOperations is below 1
   */
  public RemoteSampler(String serviceName, URI endpoint, Sampler initial, Duration pollInterval, int maxOperations,
      LongSupplier nanoTime, ClientMetrics metrics) {
    requireNonNull(serviceName, "serviceName");
    requireNonNull(endpoint, "endpoint");
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("sampling endpoint: " + endpoint + " (expected: an http or https URL)");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("sampling poll interval: " + pollInterval + " (expected: > 0)");
    }
    if (maxOperations < 1) {
      throw new IllegalArgumentException("sampling max operations: " + maxOperations + " (expected: >= 1)");
    }
    String base = endpoint.toString();
    this.query = URI.create(base + (base.contains("?") ? "&" : "?") + "service="
        + URLEncoder.encode(serviceName, StandardCharsets.UTF_8));
    this.delegate = requireNonNull(initial, "initial");
    this.pollInterval = pollInterval;
    this.maxOperations = maxOperations;
    this.nanoTime = requireNonNull(nanoTime, "nanoTime");
    this.metrics = requireNonNull(metrics, "metrics");
  }

  /** Starts polling in the background; idempotent. */
  @Override
  public synchronized void start() {
    if (poller != null) {
      return;
    }
    poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "spoor-client-sampler");
      t.setDaemon(true);
      return t;
    });
    poller.scheduleWithFixedDelay(this::pollQuietly, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollQuietly() {
    try {
      pollOnce();
    } catch (IOException | RuntimeException e) {
      metrics.samplerQueryFailed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Fetches the strategy once and applies it.
   *
   * @throws IOException when the endpoint cannot be reached or answers with a status other than 200
   * @throws IllegalArgumentException when the answer is not a valid strategy
   */
  public void pollOnce() throws IOException, InterruptedException {
    HttpClient client;
    synchronized (this) {
      if (http == null) {
        // created on first use: the JDK client starts a selector thread (a daemon that ends with the client)
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      }
      client = http;
    }
    HttpResponse<String> response = client.send(
        HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IOException("sampling endpoint " + query + ": HTTP " + response.statusCode() + " (expected: 200)");
    }
    if (response.body().length() > MAX_RESPONSE_CHARS) {
      throw new IOException("sampling endpoint " + query + ": response over " + MAX_RESPONSE_CHARS + " chars");
    }
    apply(SamplingStrategy.parse(response.body()));
  }

  private void apply(SamplingStrategy strategy) {
    if (strategy.equals(applied)) {
      return;
    }
    Sampler next;
    if (strategy.operations() != null) {
      next = new PerOperationSampler(strategy.operations(), maxOperations, nanoTime);
    } else if (strategy.type() == SamplingStrategy.Type.RATE_LIMITING) {
      next = new RateLimitingSampler(strategy.param(), nanoTime);
    } else {
      next = new ProbabilisticSampler(strategy.param());
    }
    delegate = next;
    applied = strategy;
    metrics.samplerUpdated();
  }

  /** The sampler that decides now (the initial one until a strategy was applied). */
  public Sampler current() {
    return delegate;
  }

  @Override
  public SamplingDecision sample(String operation, long traceIdHigh, long traceIdLow) {
    return delegate.sample(operation, traceIdHigh, traceIdLow);
  }

  /** Stops polling; idempotent. */
  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.shutdownNow();
      poller = null;
    }
  }

  @Override
  public String toString() {
    return "RemoteSampler(" + query + ", " + delegate + ")";
  }
}
