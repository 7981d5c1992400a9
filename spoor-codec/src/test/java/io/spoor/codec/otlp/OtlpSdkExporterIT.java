package io.spoor.codec.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real OpenTelemetry Java SDK exports spans over OTLP/HTTP (protobuf, gzip) to a local JDK HTTP
 * server; the captured bodies are decoded and checked field by field.
 */
class OtlpSdkExporterIT {
  private static final long T0 = 1_700_000_000_123_456_789L; // ns precision on purpose
  private static final String REMOTE_TRACE = "0af7651916cd43dd8448eb211c80319c";
  private static final String REMOTE_PARENT = "b7ad6b7169203331";
  private static final String LINKED_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String LINKED_SPAN = "00f067aa0ba902b7";

  private record Request(String contentEncoding, String contentType, byte[] body) {}

  private final BlockingQueue<Request> requests = new ArrayBlockingQueue<>(16);
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/traces", exchange -> {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
      requests.add(new Request(encoding, exchange.getRequestHeaders().getFirst("Content-Type"), raw));
      byte[] reply = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, reply.length == 0 ? -1 : reply.length);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void decodesWhatTheSdkExporterSends() throws Exception {
    ExportTraceServiceRequest request = exportSpans();
    List<Span> spans = OtlpCodec.decode(request).spans();
    assertThat(spans).extracting(Span::operationName)
        .containsExactlyInAnyOrder("GET /orders", "SELECT orders", "process");

    Span server = byName(spans, "GET /orders");
    Span client = byName(spans, "SELECT orders");
    Span internal = byName(spans, "process");

    // ids: the server span continues the remote parent's trace
    assertThat(server.traceId()).isEqualTo(TraceId.parse(REMOTE_TRACE));
    assertThat(server.parentSpanId()).isEqualTo(SpanId.parse(REMOTE_PARENT));
    assertThat(server.references().get(0))
        .isEqualTo(SpanRef.childOf(TraceId.parse(REMOTE_TRACE), SpanId.parse(REMOTE_PARENT)));
    assertThat(client.traceId()).isEqualTo(server.traceId());
    assertThat(client.parentSpanId()).isEqualTo(server.spanId());
    assertThat(server.isSampled()).isTrue();

    // times are nanoseconds, exactly as the SDK recorded them
    assertThat(server.startTimeNanos()).isEqualTo(T0);
    assertThat(server.durationNanos()).isEqualTo(250_000_001L);
    assertThat(client.startTimeNanos()).isEqualTo(T0 + 1_000);
    assertThat(client.durationNanos()).isEqualTo(99_999_999L);

    // process from the resource
    assertThat(server.serviceName()).isEqualTo("orders");
    assertThat(server.process().tags()).contains(
        KeyValue.of("host.name", "node-1"),
        KeyValue.of("deployment.replica", 3L),
        KeyValue.of("telemetry.sdk.language", "java"));
    assertThat(server.process().tags()).extracting(KeyValue::key).doesNotContain("service.name");

    // scope, attributes of every type, kind, status, trace state
    assertThat(server.tags()).containsSubsequence(
        KeyValue.of("otel.scope.name", "io.spoor.test"),
        KeyValue.of("otel.scope.version", "1.2.3"));
    assertThat(server.tags()).contains(
        KeyValue.of("http.method", "GET"),
        KeyValue.of("retry", true),
        KeyValue.of("http.status_code", 500L),
        KeyValue.of("ratio", 0.25),
        KeyValue.of("tags", "[\"a\",\"b\"]"),
        KeyValue.of("codes", "[1,2]"),
        KeyValue.of("flags", "[true,false]"),
        KeyValue.of("weights", "[1.5,2]"),
        KeyValue.ofBinary("payload", new byte[] {1, 2, (byte) 0xff}),
        KeyValue.of("config", "{\"a\":1,\"b\":\"x\"}"),
        KeyValue.of("span.kind", "server"),
        KeyValue.of("otel.status_code", "ERROR"),
        KeyValue.of("error", true),
        KeyValue.of("otel.status_description", "backend down"),
        KeyValue.of("w3c.tracestate", "vendor=value"));
    assertThat(client.findTag("span.kind")).isEqualTo(KeyValue.of("span.kind", "client"));
    assertThat(client.findTag("otel.status_code")).isEqualTo(KeyValue.of("otel.status_code", "OK"));
    assertThat(client.findTag("error")).isNull();
    assertThat(internal.findTag("span.kind")).isEqualTo(KeyValue.of("span.kind", "internal"));
    assertThat(internal.findTag("otel.status_code")).isNull();

    // events become logs
    assertThat(server.logs()).containsExactly(new Log(T0 + 5_000, List.of(
        KeyValue.of("event", "cache miss"),
        KeyValue.of("attempt", 2L), // the SDK sorts attributes by key
        KeyValue.of("key", "order-42"))));

    // links become FOLLOWS_FROM references after the parent
    assertThat(internal.references()).containsExactly(
        SpanRef.childOf(server.traceId(), server.spanId()),
        new SpanRef(RefType.FOLLOWS_FROM, TraceId.parse(LINKED_TRACE), SpanId.parse(LINKED_SPAN)));
  }

  @Test
  void jsonOfTheSameRequestDecodesToTheSameSpans() throws Exception {
    ExportTraceServiceRequest request = exportSpans();
    // JsonFormat writes proto3 JSON (base64 ids, enum names, int64 as strings); OTLP JSON wants hex
    // ids, so only those are rewritten. Everything else is the library's own output.
    String protoJson = JsonFormat.printer().print(request);
    String otlpJson = base64IdsToHex(protoJson);
    assertThat(otlpJson).contains("\"SPAN_KIND_SERVER\"").contains("\"STATUS_CODE_ERROR\"");

    assertThat(OtlpCodec.parseJson(otlpJson.getBytes(StandardCharsets.UTF_8))).isEqualTo(request);
    assertThat(OtlpCodec.decodeJson(otlpJson.getBytes(StandardCharsets.UTF_8)).spans())
        .isEqualTo(OtlpCodec.decode(request).spans());
    // and our own writer's JSON reads back to the same message
    assertThat(OtlpCodec.parseJson(OtlpCodec.toJson(request))).isEqualTo(request);
  }

  private ExportTraceServiceRequest exportSpans() throws Exception {
    OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
        .setEndpoint("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces")
        .setCompression("gzip")
        .build();
    Resource resource = Resource.getDefault().merge(Resource.create(Attributes.builder()
        .put("service.name", "orders")
        .put("host.name", "node-1")
        .put("deployment.replica", 3L)
        .build()));
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(resource)
        .setSampler(Sampler.alwaysOn())
        .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
        .build();
    try {
      recordSpans(provider.tracerBuilder("io.spoor.test").setInstrumentationVersion("1.2.3").build());
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    } finally {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
    Request captured = requests.poll(10, TimeUnit.SECONDS);
    assertThat(captured).as("a request from the exporter").isNotNull();
    assertThat(captured.contentType()).isEqualTo("application/x-protobuf");
    assertThat(captured.contentEncoding()).isEqualTo("gzip");
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(captured.body()))) {
      byte[] body = in.readAllBytes();
      OtlpDecodeResult result = OtlpCodec.decodeProtobuf(body);
      assertThat(result.rejectedSpans()).isZero();
      return ExportTraceServiceRequest.parseFrom(body);
    }
  }

  private static void recordSpans(Tracer tracer) {
    SpanContext remoteParent = SpanContext.createFromRemoteParent(REMOTE_TRACE, REMOTE_PARENT,
        TraceFlags.getSampled(), TraceState.builder().put("vendor", "value").build());
    Context parent = Context.root().with(io.opentelemetry.api.trace.Span.wrap(remoteParent));
    io.opentelemetry.api.trace.Span server = tracer.spanBuilder("GET /orders")
        .setParent(parent)
        .setSpanKind(io.opentelemetry.api.trace.SpanKind.SERVER)
        .setStartTimestamp(T0, TimeUnit.NANOSECONDS)
        .setAttribute("http.method", "GET")
        .setAttribute("retry", true)
        .setAttribute("http.status_code", 500L)
        .setAttribute("ratio", 0.25)
        .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("a", "b"))
        .setAttribute(AttributeKey.longArrayKey("codes"), List.of(1L, 2L))
        .setAttribute(AttributeKey.booleanArrayKey("flags"), List.of(true, false))
        .setAttribute(AttributeKey.doubleArrayKey("weights"), List.of(1.5, 2.0))
        .setAttribute(AttributeKey.valueKey("payload"), Value.of(new byte[] {1, 2, (byte) 0xff}))
        .setAttribute(AttributeKey.valueKey("config"), Value.of(
            io.opentelemetry.api.common.KeyValue.of("b", Value.of("x")),
            io.opentelemetry.api.common.KeyValue.of("a", Value.of(1L))))
        .startSpan();
    server.addEvent("cache miss", Attributes.builder().put("key", "order-42").put("attempt", 2L)
        .build(), T0 + 5_000, TimeUnit.NANOSECONDS);
    server.setStatus(StatusCode.ERROR, "backend down");

    Context serverContext = parent.with(server);
    tracer.spanBuilder("SELECT orders")
        .setParent(serverContext)
        .setSpanKind(io.opentelemetry.api.trace.SpanKind.CLIENT)
        .setStartTimestamp(T0 + 1_000, TimeUnit.NANOSECONDS)
        .startSpan()
        .setStatus(StatusCode.OK)
        .end(T0 + 1_000 + 99_999_999L, TimeUnit.NANOSECONDS);
    tracer.spanBuilder("process")
        .setParent(serverContext)
        .addLink(SpanContext.create(LINKED_TRACE, LINKED_SPAN, TraceFlags.getSampled(),
            TraceState.getDefault()))
        .setStartTimestamp(T0 + 2_000, TimeUnit.NANOSECONDS)
        .startSpan()
        .end(T0 + 3_000, TimeUnit.NANOSECONDS);
    server.end(T0 + 250_000_001L, TimeUnit.NANOSECONDS);
  }

  private static Span byName(List<Span> spans, String name) {
    return spans.stream().filter(s -> s.operationName().equals(name)).findFirst().orElseThrow();
  }

  private static String base64IdsToHex(String json) {
    Matcher m = Pattern.compile("\"(traceId|spanId|parentSpanId)\": \"([^\"]*)\"").matcher(json);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      StringBuilder hex = new StringBuilder();
      for (byte b : Base64.getDecoder().decode(m.group(2))) {
        hex.append(String.format("%02x", b));
      }
      m.appendReplacement(out, "\"" + m.group(1) + "\": \"" + hex + "\"");
    }
    m.appendTail(out);
    return out.toString();
  }
}
