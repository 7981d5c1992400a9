package io.spoor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.internal.samplers.HttpSamplingManager;
import io.jaegertracing.internal.samplers.RemoteControlledSampler;
import io.jaegertracing.internal.samplers.SamplingStatus;
import io.jaegertracing.thrift.internal.senders.UdpSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import io.spoor.collector.sampling.SamplingConfig;
import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jaeger-client-java → agent (UDP) → a real collector → memory storage; and the client's remote
 * sampler → agent (HTTP 5778) → collector's SamplingManager → Jaeger's example strategies file.
 */
class AgentIT {
  @TempDir static Path dir;
  static TestCollector collector;
  static Agent agent;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path strategies = dir.resolve("strategies.json");
    try (InputStream in = AgentIT.class.getResourceAsStream("/sampling/sampling_strategies_example.json")) {
      Files.write(strategies, in.readAllBytes());
    }
    collector = new TestCollector(0, new SamplingConfig(strategies, Duration.ZERO, 0.001));
    Address local = new Address("127.0.0.1", 0);
    agent = new Agent(new AgentConfig(UdpServerConfig.defaults(local), UdpServerConfig.defaults(local), local,
        ReporterConfig.defaults(List.of(new Address("127.0.0.1", collector.grpcPort()))),
        AgentConfig.parseTags("zone=eu-1, rack = r7")), new SimpleMeterRegistry());
    agent.start();
  }

  @AfterAll
  static void stop() {
    agent.close();
    collector.close();
  }

  private static Trace awaitTrace(TraceId id, int spans) {
    await().atMost(Duration.ofSeconds(15))
        .until(() -> collector.trace(id).map(t -> t.spans().size()).orElse(0) >= spans);
    return collector.trace(id).orElseThrow();
  }

  private static Span byOperation(Trace trace, String op) {
    return trace.spans().stream().filter(s -> s.operationName().equals(op)).findFirst().orElseThrow();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.httpPort() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void jaegerClientSpansOverCompactUdpReachStorageWithAgentTags() throws Exception {
    UdpSender sender = new UdpSender("127.0.0.1", agent.udpPort(ThriftProtocol.COMPACT), 0);
    JaegerTracer tracer = new JaegerTracer.Builder("udp-svc")
        .withReporter(new RemoteReporter.Builder().withSender(sender).withFlushInterval(50).build())
        .withSampler(new ConstSampler(true))
        .withTag("region", "eu")
        .build();
    JaegerSpan root = tracer.buildSpan("checkout").withTag("amount", 12.5).withStartTimestamp(1_000_000).start();
    JaegerSpan child = tracer.buildSpan("charge").asChildOf(root).withStartTimestamp(1_000_010).start();
    child.finish(1_000_030);
    root.finish(1_000_100);
    tracer.close();

    TraceId id = TraceId.of(root.context().getTraceIdHigh(), root.context().getTraceIdLow());
    Trace trace = awaitTrace(id, 2);
    Span r = byOperation(trace, "checkout");
    Span c = byOperation(trace, "charge");
    assertThat(r.serviceName()).isEqualTo("udp-svc");
    assertThat(r.spanId()).isEqualTo(SpanId.of(root.context().getSpanId()));
    assertThat(r.startTimeMicros()).isEqualTo(1_000_000);
    assertThat(r.durationMicros()).isEqualTo(100);
    assertThat(r.tags()).contains(KeyValue.of("amount", 12.5));
    assertThat(r.process().tags()).contains(KeyValue.of("region", "eu"));
    assertThat(r.process().tags()).containsSubsequence(KeyValue.of("zone", "eu-1"), KeyValue.of("rack", "r7"));
    assertThat(c.parentSpanId()).isEqualTo(r.spanId());
    assertThat(c.process().tags()).contains(KeyValue.of("zone", "eu-1"));
  }

  @Test
  void binaryUdpDatagramsReachStorage() throws Exception {
    Span span = Span.newBuilder().traceId(TraceId.of(0x77, 0x88)).spanId(SpanId.of(0x99)).operationName("bin-op")
        .startTimeMicros(2_000_000).durationMicros(5)
        .process(Process.of("binary-svc", KeyValue.of("ip", "10.0.0.1"))).build();
    byte[] datagram = new JaegerThriftCodec().encodeEmitBatch(span.process(), List.of(span), ThriftProtocol.BINARY, 1);
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
          agent.udpPort(ThriftProtocol.BINARY)));
    }
    Span stored = awaitTrace(TraceId.of(0x77, 0x88), 1).spans().get(0);
    assertThat(stored.operationName()).isEqualTo("bin-op");
    assertThat(stored.serviceName()).isEqualTo("binary-svc");
    assertThat(stored.durationMicros()).isEqualTo(5);
    assertThat(stored.process().tags())
        .containsExactly(KeyValue.of("ip", "10.0.0.1"), KeyValue.of("zone", "eu-1"), KeyValue.of("rack", "r7"));
  }

  @Test
  void samplingAnswersProto3Json() throws Exception {
    HttpResponse<String> bar = get("/sampling?service=bar");
    assertThat(bar.statusCode()).isEqualTo(200);
    assertThat(bar.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    // bar is rate limiting and has no operations of its own, so it inherits the default's.
    assertThat(bar.body()).isEqualTo("{\"strategyType\":\"RATE_LIMITING\",\"rateLimitingSampling\":{\"maxTracesPerSecond\":5},"
        + "\"operationSampling\":{\"defaultSamplingProbability\":0.5,\"defaultLowerBoundTracesPerSecond\":0.0,"
        + "\"perOperationStrategies\":[{\"operation\":\"/health\",\"probabilisticSampling\":{\"samplingRate\":0.0}},"
        + "{\"operation\":\"/metrics\",\"probabilisticSampling\":{\"samplingRate\":0.0}}],"
        + "\"defaultUpperBoundTracesPerSecond\":0.0}}");
  }

  @Test
  void legacyRootAnswersThriftShapedJson() throws Exception {
    HttpResponse<String> foo = get("/?service=foo");
    assertThat(foo.statusCode()).isEqualTo(200);
    assertThat(foo.body()).isEqualTo("{\"strategyType\":0,\"probabilisticSampling\":{\"samplingRate\":0.8},"
        + "\"operationSampling\":{\"defaultSamplingProbability\":0.8,\"defaultLowerBoundTracesPerSecond\":0,"
        + "\"perOperationStrategies\":[{\"operation\":\"op1\",\"probabilisticSampling\":{\"samplingRate\":0.2}},"
        + "{\"operation\":\"op2\",\"probabilisticSampling\":{\"samplingRate\":0.4}},"
        + "{\"operation\":\"/health\",\"probabilisticSampling\":{\"samplingRate\":0}},"
        + "{\"operation\":\"/metrics\",\"probabilisticSampling\":{\"samplingRate\":0}}]}}");
  }

  @Test
  void serviceMustBeGivenExactlyOnce() throws Exception {
    for (String path : new String[] {"/sampling", "/?service=a&service=b", "/baggageRestrictions"}) {
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(400);
      assertThat(r.body()).as(path).isEqualTo("'service' parameter must be provided once");
    }
  }

  @Test
  void baggageRestrictionsAreNotImplementedLikeJaegersGrpcAgent() throws Exception {
    HttpResponse<String> r = get("/baggageRestrictions?service=foo");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("collector error: baggage not implemented");
  }

  @Test
  void remoteControlledSamplerAppliesPerOperationStrategiesThroughTheAgent() {
    RemoteControlledSampler sampler = new RemoteControlledSampler.Builder("foo")
        .withSamplingManager(new HttpSamplingManager("127.0.0.1:" + agent.httpPort()))
        .withInitialSampler(new ConstSampler(false))
        .withPollingInterval(50)
        .build();
    try {
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThat(sampler.sample("op1", 1L).getTags()).containsEntry("sampler.param", 0.2));
      SamplingStatus op1 = sampler.sample("op1", 1L);
      assertThat(op1.isSampled()).isTrue();
      assertThat(op1.getTags()).containsEntry("sampler.type", "probabilistic");
      assertThat(sampler.sample("op2", 1L).getTags()).containsEntry("sampler.param", 0.4);
      // An operation the file does not name gets the service's default probability, 0.8.
      assertThat(sampler.sample("other", 1L).getTags()).containsEntry("sampler.param", 0.8);
      // Rate 0 for /health (inherited from the default strategy); the lower-bound tags carry the rate too.
      assertThat(sampler.sample("/health", 1L).getTags()).containsEntry("sampler.param", 0.0);
    } finally {
      sampler.close();
    }
  }

  @Test
  void describeNamesEveryEndpoint() {
    assertThat(agent.describe()).matches(
        "binary=127\\.0\\.0\\.1:\\d+/udp, compact=127\\.0\\.0\\.1:\\d+/udp, http=127\\.0\\.0\\.1:\\d+");
  }
}
