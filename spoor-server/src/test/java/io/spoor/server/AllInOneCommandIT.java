package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.spoor.storage.StorageFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A user's first run: OpenTelemetry SDK → spoor all-in-one → the query API shows the trace. */
class AllInOneCommandIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private static int port(String line, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(line);
    assertThat(m.find()).as(pattern + " in " + line).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return json.readTree(r.body());
  }

  @Test
  void openTelemetrySpansAreSearchableThroughTheQueryApi() throws Exception {
    java.nio.file.Path dataDir = java.nio.file.Files.createTempDirectory(
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target")), "all-in-one-data");
    Map<String, String> env = Map.ofEntries(
        Map.entry("PROCESSOR_JAEGER_COMPACT_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("PROCESSOR_JAEGER_BINARY_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("HTTP_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_GRPC_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_HTTP_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_OTLP_GRPC_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_OTLP_HTTP_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_ZIPKIN_HOST_PORT", "127.0.0.1:0"),
        Map.entry("QUERY_HTTP_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("QUERY_GRPC_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("ADMIN_HTTP_HOST_PORT", "127.0.0.1:0"),
        Map.entry("ROCKSDB_PATH", dataDir.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ShutdownSignal signal = new ShutdownSignal();
    Spoor spoor = new Spoor(Environment.of(env), StorageFactory.available(), level -> { }, "java", () -> signal);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> spoor.execute(
        new String[] {"all-in-one", "--collector.num-workers=2"}, new PrintWriter(out, true), new PrintWriter(err, true)));
    await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("admin="));
    String line = out.toString();
    assertThat(line).contains("(storage rocksdb)");
    int query = port(line, "http://localhost:(\\d+)/");
    int otlp = port(line, "otlp_http=127\\.0\\.0\\.1:(\\d+)");

    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "shop")))
        .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + otlp + "/v1/traces").build()))
        .build();
    String traceId;
    try {
      Tracer tracer = provider.get("test");
      io.opentelemetry.api.trace.Span root = tracer.spanBuilder("checkout").setSpanKind(SpanKind.SERVER)
          .setAttribute("http.status_code", 500L).startSpan();
      try (var scope = root.makeCurrent()) {
        tracer.spanBuilder("pay").setSpanKind(SpanKind.CLIENT).startSpan().end();
      }
      root.end();
      traceId = root.getSpanContext().getTraceId();
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    } finally {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(get(query, "/api/services").get("data").toString()).isEqualTo("[\"shop\"]"));
    JsonNode byId = get(query, "/api/traces/" + traceId);
    assertThat(byId.get("data").get(0).get("traceID").asText()).isEqualTo(traceId);
    assertThat(byId.get("data").get(0).get("spans")).hasSize(2);
    JsonNode search = get(query, "/api/traces?service=shop&lookback=1h&tags="
        + URLEncoder.encode("{\"http.status_code\":\"500\"}", StandardCharsets.UTF_8));
    assertThat(search.get("data")).hasSize(1);
    assertThat(line).containsPattern("query_grpc=:\\d+").contains("compact=127.0.0.1:");
    int sampling = port(line, "agent .*http=127\\.0\\.0\\.1:(\\d+)");
    assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sampling + "/sampling?service=shop"))
        .build(), HttpResponse.BodyHandlers.ofString()).body())
        .isEqualTo("{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":0.001}}");
    HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + query + "/search"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ui.statusCode()).isEqualTo(200);
    assertThat(ui.body()).contains("<html").contains("Spoor");
    assertThat(get(query, "/api/v3/services").toString()).isEqualTo("{\"services\":[\"shop\"]}");
    JsonNode v3 = get(query, "/api/v3/traces/" + traceId);
    assertThat(v3.get("result").get("resourceSpans").get(0).get("scopeSpans").get(0).get("spans")).hasSize(2);
    assertThat(get(query, "/api/operations?service=shop&spanKind=server").get("data").toString())
        .isEqualTo("[{\"name\":\"checkout\",\"spanKind\":\"server\"}]");
    assertThat(get(query, "/api/traces?service=shop&minDuration=x").get("errors").get(0).get("code").asInt())
        .isEqualTo(400);

    // A Jaeger client's UDP datagram → the embedded agent → the collector → the query API.
    int compact = port(line, "compact=127\\.0\\.0\\.1:(\\d+)/udp");
    io.spoor.model.Span udpSpan = io.spoor.model.Span.newBuilder()
        .traceId(io.spoor.model.TraceId.of(0xfeed)).spanId(io.spoor.model.SpanId.of(1)).operationName("udp-op")
        .process(io.spoor.model.Process.of("udp-svc")).startTimeMicros(System.currentTimeMillis() * 1000)
        .durationMicros(7).build();
    byte[] datagram = new io.spoor.codec.jaeger.thrift.JaegerThriftCodec().encodeEmitBatch(udpSpan.process(),
        java.util.List.of(udpSpan), io.spoor.codec.jaeger.thrift.ThriftProtocol.COMPACT, 1);
    try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
      socket.send(new java.net.DatagramPacket(datagram, datagram.length,
          java.net.InetAddress.getLoopbackAddress(), compact));
    }
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode viaAgent = get(query, "/api/traces/feed");
      assertThat(viaAgent.get("data").get(0).get("spans").get(0).get("operationName").asText()).isEqualTo("udp-op");
    });

    // Spoor's own client, configured as users do (JAEGER_* variables), through the agent over UDP.
    io.spoor.client.SpoorTracer tracer = io.spoor.client.SpoorTracer.fromEnv(Map.of(
        "JAEGER_SERVICE_NAME", "client-svc", "JAEGER_AGENT_HOST", "127.0.0.1",
        "JAEGER_AGENT_PORT", Integer.toString(compact), "JAEGER_SAMPLER_TYPE", "const", "JAEGER_SAMPLER_PARAM", "1"));
    io.opentracing.Span clientSpan = tracer.buildSpan("client-op").withTag("answer", 42).start();
    clientSpan.finish();
    tracer.close();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode found = get(query, "/api/traces?service=client-svc&lookback=1h");
      assertThat(found.get("data")).hasSize(1);
      assertThat(found.get("data").get(0).get("spans").get(0).get("operationName").asText()).isEqualTo("client-op");
    });

    int admin = port(line, "admin=127\\.0\\.0\\.1:(\\d+)");
    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("spoor_storage_rocksdb_disk_bytes ").contains("spoor_storage_rocksdb_spans_written_total ")
        .contains("spoor_collector_spans_saved_total");

    // The demo a new user runs second.
    SpoorRun gen = SpoorRun.run(Map.of(), StorageFactory.available(), "tracegen",
        "--tracegen.endpoint=http://127.0.0.1:" + otlp + "/v1/traces", "--tracegen.duration=1s",
        "--tracegen.rate=20", "--tracegen.services=4", "--tracegen.seed=7");
    assertThat(gen.exitCode()).as(gen.err()).isZero();
    assertThat(gen.out()).startsWith("sent ").doesNotContain("failed");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(query, "/api/services").get("data")
        .toString()).contains("\"frontend\"").contains("\"shop\""));
    JsonNode frontend = get(query, "/api/traces?service=frontend&lookback=1h&limit=5");
    assertThat(frontend.get("data").size()).isBetween(1, 5);
    assertThat(get(query, "/api/dependencies?lookback=3600000").get("data").toString()).contains("\"parent\":\"frontend\"");

    signal.request();
    assertThat(exit.get()).isZero();
  }
}
