package io.spoor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spoor.bench.load.PeerDecoder.DecodedSpan;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The load loop against an in-process JDK HTTP server on 127.0.0.1. */
class LoadRunTest {
  private static final int SPANS = 20;

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger spansReceived = new AtomicInteger();
  private final Set<String> traceIds = ConcurrentHashMap.newKeySet();
  private final AtomicInteger traceIdsPerRequestSum = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stopServer() throws InterruptedException {
    if (server != null) {
      server.stop(0);
    }
    executor.shutdownNow();
    assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void countsAlternating202And429AndStopsAtTheDeadline() throws Exception {
    URI target = start(n -> n % 2 == 0 ? 202 : 429);
    LoadSettings settings = settings(target, Duration.ZERO, Duration.ofMillis(400));

    long began = System.nanoTime();
    LoadReport report = LoadRun.run(settings);
    long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);

    int total = received.get();
    assertThat(total).isPositive();
    assertThat(report.requests()).isEqualTo(total);
    assertThat(report.acceptedRequests()).isEqualTo((total + 1) / 2);
    assertThat(report.throttledRequests()).isEqualTo(total / 2);
    assertThat(report.failedRequests()).isZero();
    assertThat(report.acceptedSpans()).isEqualTo(report.acceptedRequests() * SPANS);
    assertThat(report.outcomes()).isEqualTo(Map.of("202", (long) (total + 1) / 2, "429", (long) total / 2));
    assertThat(report.concurrency()).isEqualTo(2);
    assertThat(report.seconds()).isGreaterThanOrEqualTo(0.4);
    assertThat(report.spansPerSecond()).isEqualTo(report.acceptedSpans() / report.seconds());
    assertThat(report.p50Millis()).isPositive().isLessThanOrEqualTo(report.p99Millis());
    assertThat(report.p99Millis()).isLessThanOrEqualTo(report.maxMillis());
    assertThat(tookMillis).isBetween(400L, 400L + 5_000L);
    assertThat(received.get()).as("no request after run() returned").isEqualTo(total);
  }

  @Test
  void everyRequestCarriesFreshTraceIds() throws Exception {
    URI target = start(n -> 202);

    LoadReport report = LoadRun.run(settings(target, Duration.ZERO, Duration.ofMillis(300)));

    assertThat(report.requests()).isGreaterThan(3); // more requests than the pool has bodies
    assertThat(spansReceived.get()).isEqualTo(report.acceptedSpans());
    // no trace id was sent in two requests, although the three bodies were each sent more than once
    assertThat(traceIds).hasSize(traceIdsPerRequestSum.get());
  }

  @Test
  void warmUpRequestsAreSentButNotCounted() throws Exception {
    URI target = start(n -> 202);

    LoadReport report = LoadRun.run(settings(target, Duration.ofMillis(300), Duration.ofMillis(300)));

    assertThat(report.requests()).isPositive().isLessThan(received.get());
    assertThat(report.seconds()).isGreaterThanOrEqualTo(0.3);
  }

  @Test
  void otherStatusesAndRefusedConnectionsAreFailures() throws Exception {
    URI target = start(n -> 503);
    LoadReport unavailable = LoadRun.run(settings(target, Duration.ZERO, Duration.ofMillis(200)));

    assertThat(unavailable.failedRequests()).isEqualTo(unavailable.requests()).isPositive();
    assertThat(unavailable.outcomes()).containsOnlyKeys("503");
    assertThat(unavailable.acceptedSpans()).isZero();

    URI closed = URI.create("http://127.0.0.1:" + closedPort());
    LoadReport refused = LoadRun.run(settings(closed, Duration.ZERO, Duration.ofMillis(100)).withConcurrency(1));
    assertThat(refused.failedRequests()).isEqualTo(refused.requests()).isPositive();
    assertThat(refused.outcomes()).containsOnlyKeys("ConnectException");
  }

  private URI start(IntUnaryOperator statusOfRequest) throws IOException {
    AtomicInteger sequence = new AtomicInteger();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/api/v2/spans", exchange -> answer(exchange, statusOfRequest.applyAsInt(sequence.getAndIncrement())));
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void answer(HttpExchange exchange, int status) throws IOException {
    try (exchange) {
      List<DecodedSpan> spans = PeerDecoder.decode(Format.ZIPKIN_JSON, exchange.getRequestBody().readAllBytes());
      if (status / 100 == 2) {
        spansReceived.addAndGet(spans.size());
        spans.forEach(span -> traceIds.add(span.traceId()));
        traceIdsPerRequestSum.addAndGet((int) spans.stream().map(DecodedSpan::traceId).distinct().count());
      }
      received.incrementAndGet();
      exchange.sendResponseHeaders(status, -1);
    }
  }

  private static LoadSettings settings(URI target, Duration warmup, Duration duration) {
    return new LoadSettings(target, Format.ZIPKIN_JSON, 2, warmup, duration, SPANS, 3, 3,
        Duration.ofSeconds(5), 1);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
