package io.spoor.client.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.spoor.client.CountingClientMetrics;
import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorTracer;
import io.spoor.client.reporter.InMemoryReporter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The remote sampler against a real HTTP server serving Jaeger strategy JSON. */
class RemoteSamplerIT {
  static final String PER_OPERATION = """
      {"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":0.0},
       "operationSampling":{"defaultSamplingProbability":0.0,"defaultLowerBoundTracesPerSecond":1.0,
         "perOperationStrategies":[{"operation":"checkout","probabilisticSampling":{"samplingRate":1.0}}]}}""";
  static final String RATE_LIMITING = """
      {"strategyType":"RATE_LIMITING","rateLimitingSampling":{"maxTracesPerSecond":2}}""";

  HttpServer agent;
  final AtomicReference<String> body = new AtomicReference<>(PER_OPERATION);
  final List<String> queries = new CopyOnWriteArrayList<>();
  final AtomicLong nanos = new AtomicLong();
  final CountingClientMetrics metrics = new CountingClientMetrics();

  @BeforeEach
  void start() throws IOException {
    agent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    agent.createContext("/sampling", exchange -> {
      queries.add(exchange.getRequestURI().getRawQuery());
      byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    agent.start();
  }

  @AfterEach
  void stop() {
    agent.stop(0);
  }

  private RemoteSampler sampler(URI endpoint, Duration interval) {
    return new RemoteSampler("shop cart", endpoint, new ConstSampler(false), interval, 100, nanos::get, metrics);
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + agent.getAddress().getPort() + "/sampling");
  }

  @Test
  void appliesPerOperationThenRateLimitingStrategies() throws Exception {
    RemoteSampler sampler = sampler(endpoint(), Duration.ofHours(1));
    assertThat(sampler.sample("checkout", 0, 1).sampled()).isFalse(); // initial sampler until the first poll
    sampler.pollOnce();
    assertThat(queries).containsExactly("service=shop+cart");
    assertThat(metrics.samplerUpdates()).isEqualTo(1);
    SamplingDecision checkout = sampler.sample("checkout", 0, Long.MAX_VALUE);
    assertThat(checkout.sampled()).isTrue();
    assertThat(checkout.samplerType()).isEqualTo("probabilistic");
    SamplingDecision other = sampler.sample("other", 0, 1);
    assertThat(other.sampled()).isTrue();
    assertThat(other.samplerType()).isEqualTo("lowerbound");
    assertThat(sampler.sample("other", 0, 1).sampled()).isFalse();

    sampler.pollOnce(); // the same strategy again: not re-applied, the bucket keeps its state
    assertThat(metrics.samplerUpdates()).isEqualTo(1);
    assertThat(sampler.sample("other", 0, 1).sampled()).isFalse();

    body.set(RATE_LIMITING);
    sampler.pollOnce();
    assertThat(metrics.samplerUpdates()).isEqualTo(2);
    assertThat(sampler.current()).isInstanceOf(RateLimitingSampler.class);
    assertThat(sampler.sample("x", 0, 1).samplerType()).isEqualTo("ratelimiting");
    assertThat(sampler.sample("x", 0, 1).sampled()).isTrue();
    assertThat(sampler.sample("x", 0, 1).sampled()).isFalse();
  }

  @Test
  void badAnswerKeepsTheCurrentSampler() throws Exception {
    RemoteSampler sampler = sampler(endpoint(), Duration.ofHours(1));
    body.set("{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":7}}");
    assertThatThrownBy(sampler::pollOnce).hasMessageContaining("samplingRate: 7.0 (expected: 0.0 to 1.0)");
    assertThat(sampler.current()).isInstanceOf(ConstSampler.class);
  }

  @Test
  void unreachableAgentFallsBackToTheInitialSamplerAndCountsFailures() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      closedPort = s.getLocalPort();
    }
    RemoteSampler sampler = sampler(URI.create("http://127.0.0.1:" + closedPort + "/sampling"), Duration.ofMillis(20));
    sampler.start();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> metrics.samplerQueryFailures() >= 2);
      assertThat(sampler.sample("x", 0, 1).samplerType()).isEqualTo("const");
      assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("spoor-client-sampler")
          && t.isDaemon());
    } finally {
      sampler.close();
    }
  }

  @Test
  void tracerPollsOnStartAndTagsRootSpans() {
    InMemoryReporter reporter = new InMemoryReporter();
    SpoorTracer tracer = SpoorTracer.builder("shop cart").reporter(reporter).metrics(metrics)
        .sampler(sampler(endpoint(), Duration.ofHours(1))).build();
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> metrics.samplerUpdates() == 1);
      SpoorSpan span = (SpoorSpan) tracer.buildSpan("checkout").start();
      span.finish();
      assertThat(reporter.spans()).hasSize(1);
      assertThat(reporter.spans().get(0).tags()).containsEntry("sampler.type", "probabilistic")
          .containsEntry("sampler.param", 1.0);
    } finally {
      tracer.close();
    }
  }
}
