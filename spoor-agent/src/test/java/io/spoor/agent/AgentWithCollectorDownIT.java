package io.spoor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import io.spoor.collector.sampling.SamplingConfig;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent while its collector is down: the reporter queue stays bounded, drops are counted,
 * sampling answers 500 at once, and delivery resumes when the collector comes up on its address.
 */
class AgentWithCollectorDownIT {
  static final int QUEUE = 4;
  static final MeterRegistry registry = new SimpleMeterRegistry();
  static int collectorPort;
  static Agent agent;
  static DatagramSocket socket;
  final JaegerThriftCodec codec = new JaegerThriftCodec();
  final AtomicLong ids = new AtomicLong(1);

  @BeforeAll
  static void start() throws Exception {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      collectorPort = probe.getLocalPort();
    }
    Address local = new Address("127.0.0.1", 0);
    ReporterConfig reporter = new ReporterConfig(List.of(new Address("127.0.0.1", collectorPort)), QUEUE, 1,
        Duration.ofSeconds(2), Duration.ofMillis(20), Duration.ofMillis(100), 1);
    agent = new Agent(new AgentConfig(UdpServerConfig.defaults(local), null, local, reporter, java.util.Map.of()),
        registry);
    agent.start();
    socket = new DatagramSocket();
  }

  @AfterAll
  static void stop() {
    socket.close();
    agent.close();
  }

  private TraceId send() throws Exception {
    TraceId id = TraceId.of(0xdead, ids.getAndIncrement());
    Span span = Span.newBuilder().traceId(id).spanId(SpanId.of(1)).operationName("op")
        .startTimeMicros(1_000_000).durationMicros(1).process(Process.of("down-svc")).build();
    byte[] datagram = codec.encodeEmitBatch(span.process(), List.of(span), ThriftProtocol.COMPACT, 0);
    socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
        agent.udpPort(ThriftProtocol.COMPACT)));
    return id;
  }

  private static double counter(String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void boundedWhileDownAndDeliversWhenTheCollectorComesBack() throws Exception {
    HttpResponse<String> sampling = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + agent.httpPort() + "/sampling?service=x")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(sampling.statusCode()).isEqualTo(500);
    assertThat(sampling.body()).startsWith("collector error: UNAVAILABLE");

    int sent = 60;
    for (int i = 0; i < sent; i++) {
      send();
    }
    Gauge queue = registry.find("spoor.agent.reporter.queue.length").gauge();
    assertThat(queue).isNotNull();
    await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
      assertThat(counter("spoor.agent.spans.received", "protocol", "compact")).isEqualTo(sent);
      assertThat(queue.value()).isLessThanOrEqualTo(QUEUE);
      double dropped = counter("spoor.agent.reporter.batches.dropped", "reason", "queue_full")
          + counter("spoor.agent.reporter.batches.dropped", "reason", "send_failed");
      assertThat(counter("spoor.agent.reporter.batches.dropped", "reason", "queue_full")).isGreaterThan(0);
      assertThat(counter("spoor.agent.reporter.batches.dropped", "reason", "send_failed")).isGreaterThan(0);
      // Every decoded batch is either dropped or still queued (or being retried by the one sender).
      assertThat(dropped + queue.value()).isBetween(sent - 1.0, (double) sent);
    });
    assertThat(counter("spoor.agent.reporter.batches.sent")).isZero();
    assertThat(counter("spoor.agent.reporter.retries")).isGreaterThan(0);

    try (TestCollector collector = new TestCollector(collectorPort, SamplingConfig.DEFAULTS)) {
      // gRPC reconnects with its own backoff; keep sending until one batch gets through.
      List<TraceId> sentSinceUp = new java.util.concurrent.CopyOnWriteArrayList<>();
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
        sentSinceUp.add(send());
        return sentSinceUp.stream().anyMatch(id -> collector.trace(id).isPresent());
      });
      assertThat(counter("spoor.agent.reporter.batches.sent")).isGreaterThan(0);
      HttpResponse<String> ok = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + agent.httpPort() + "/sampling?service=x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":0.001}}");
    }
  }
}
