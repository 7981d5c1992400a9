package io.spoor.bench.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SpanLoader} and {@link QueryTimer} against a stand-in HTTP server on loopback. */
class QueryHttpIT {
  private HttpServer server;
  private URI base;
  private final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger throttleFirst = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/v2/spans", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
      if (throttleFirst.getAndDecrement() > 0) {
        reply(exchange, 429, "");
      } else if (body.equals("bad")) {
        reply(exchange, 400, "");
      } else {
        received.add(body);
        reply(exchange, 202, "");
      }
    });
    server.createContext("/three", exchange -> reply(exchange, 200, "[{},{},{}]"));
    server.createContext("/one", exchange -> reply(exchange, 200, "[{}]"));
    server.createContext("/garbage", exchange -> reply(exchange, 200, "not json"));
    server.createContext("/missing", exchange -> reply(exchange, 404, "[]"));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theLoaderDeliversEveryBodyRetryingThrottledOnes() throws Exception {
    throttleFirst.set(3);
    SpanLoader loader = new SpanLoader(base.resolve("/api/v2/spans"), 3, Duration.ofSeconds(5));
    for (int i = 0; i < 50; i++) {
      loader.accept(("body-" + i).getBytes(UTF_8));
    }
    SpanLoader.Result result = loader.finish();

    assertThat(received).hasSize(50).doesNotHaveDuplicates();
    assertThat(result.retries()).isEqualTo(3);
    assertThat(result.requests()).isEqualTo(53);
  }

  @Test
  void aRefusedBodyStopsTheLoadWithTheStatus() throws Exception {
    SpanLoader loader = new SpanLoader(base.resolve("/api/v2/spans"), 1, Duration.ofSeconds(5));
    loader.accept("bad".getBytes(UTF_8));

    assertThatThrownBy(loader::finish).isInstanceOf(IllegalStateException.class)
        .hasMessage("loading spans into " + base + "/api/v2/spans failed: status 400 (expected: 2xx)");
  }

  @Test
  void aServerThatIsGoneEndsTheLoadAfterTheRetries() throws Exception {
    URI gone = base.resolve("/api/v2/spans");
    server.stop(0);
    SpanLoader loader = new SpanLoader(gone, 1, Duration.ofSeconds(5));
    loader.accept("lost".getBytes(UTF_8));

    assertThatThrownBy(loader::finish).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("loading spans into " + gone + " failed: no 2xx after "
            + SpanLoader.MAX_ATTEMPTS + " attempts, the last: java.net.ConnectException");
  }

  @Test
  void theTimerCountsGoodIncompleteAndFailedAnswers() throws Exception {
    QueryTimer timer = new QueryTimer(Duration.ofSeconds(5));
    List<QueryTimer.Probe> probes = List.of(
        new QueryTimer.Probe(base.resolve("/three"), 3),
        new QueryTimer.Probe(base.resolve("/three"), 2),
        new QueryTimer.Probe(base.resolve("/one"), 3),
        new QueryTimer.Probe(base.resolve("/missing"), 1),
        new QueryTimer.Probe(base.resolve("/garbage"), 1));

    LatencySummary summary = timer.time(probes, QueryApi.ZIPKIN::spansOfTrace);

    assertThat(summary.requests()).isEqualTo(5);
    assertThat(summary.failed()).isEqualTo(2);
    assertThat(summary.incomplete()).isEqualTo(1);
    assertThat(summary.good()).isEqualTo(2);
    assertThat(summary.meanItems()).isEqualTo(7.0 / 3);
    assertThat(summary.firstProblem()).isEqualTo(base + "/one: 1 items (expected: 3)");
    assertThat(summary.p50Millis()).isPositive();
    assertThat(summary.p99Millis()).isGreaterThanOrEqualTo(summary.p50Millis());
    assertThat(summary.maxMillis()).isGreaterThanOrEqualTo(summary.p99Millis());
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }
}
