package io.spoor.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.RemoteReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.HttpSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.spoor.collector.CollectorConfig.Endpoint;
import io.spoor.collector.pipeline.PipelineConfig;
import io.spoor.model.KeyValue;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.proto.api_v2.Collector.PostSpansRequest;
import io.spoor.proto.api_v2.CollectorServiceGrpc;
import io.spoor.proto.api_v2.Model;
import io.spoor.storage.SpanReader;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zipkin2.reporter.AsyncReporter;
import zipkin2.reporter.Encoding;
import zipkin2.reporter.SpanBytesEncoder;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/** Real client libraries send to a running collector; the stored spans are checked field by field. */
class CollectorIT {
  static Storage storage;
  static Collector collector;

  @BeforeAll
  static void start() {
    storage = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    storage.start();
    Map<Endpoint, HostPort> endpoints = new EnumMap<>(Endpoint.class);
    for (Endpoint e : Endpoint.values()) {
      endpoints.put(e, new HostPort("127.0.0.1", 0));
    }
    collector = new Collector(new CollectorConfig(endpoints, CollectorConfig.DEFAULT_MAX_REQUEST_BYTES,
        CollectorConfig.DEFAULT_MAX_TAG_VALUE_LENGTH, PipelineConfig.DEFAULTS), storage.spanWriter(),
        new SimpleMeterRegistry());
    collector.start();
  }

  @AfterAll
  static void stop() {
    collector.close();
    storage.close();
  }

  private static String url(Endpoint e, String path) {
    return "http://127.0.0.1:" + collector.port(e) + path;
  }

  private static Trace awaitTrace(TraceId id, int spans) {
    SpanReader reader = storage.spanReader();
    await().atMost(Duration.ofSeconds(10)).until(() -> reader.getTrace(id).map(t -> t.spans().size()).orElse(0) >= spans);
    return reader.getTrace(id).orElseThrow();
  }

  private static Span byOperation(Trace trace, String op) {
    return trace.spans().stream().filter(s -> s.operationName().equals(op)).findFirst().orElseThrow();
  }

  private static Optional<KeyValue> tag(Span span, String key) {
    return span.tags().stream().filter(t -> t.key().equals(key)).findFirst();
  }

  private static void sendWithOtelSdk(SpanExporter exporter, String service) {
    SdkTracerProvider provider = SdkTracerProvider.builder()
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service,
            AttributeKey.stringKey("host.name"), "node-7")))
        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
        .build();
    try {
      Tracer tracer = provider.get("io.spoor.test", "1.2.3");
      io.opentelemetry.api.trace.Span parent = tracer.spanBuilder("GET /cart").setSpanKind(SpanKind.SERVER)
          .setAttribute("http.status_code", 500L).setAttribute("retry", true).startSpan();
      try (var scope = parent.makeCurrent()) {
        io.opentelemetry.api.trace.Span child = tracer.spanBuilder("SELECT cart").setSpanKind(SpanKind.CLIENT)
            .setAttribute("db.system", "postgresql").startSpan();
        child.addEvent("rows", Attributes.of(AttributeKey.longKey("count"), 3L));
        child.end();
      }
      parent.setStatus(StatusCode.ERROR, "boom");
      parent.end();
      assertThat(provider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    } finally {
      provider.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  private static void assertOtelTrace(String service) {
    List<String> ids = storage.spanReader().findTraceIds(io.spoor.storage.TraceQuery.newBuilder()
        .serviceName(service).build()).stream().map(TraceId::toHex).toList();
    await().atMost(Duration.ofSeconds(10)).until(() -> !storage.spanReader().findTraceIds(
        io.spoor.storage.TraceQuery.newBuilder().serviceName(service).build()).isEmpty());
    TraceId id = storage.spanReader().findTraceIds(
        io.spoor.storage.TraceQuery.newBuilder().serviceName(service).build()).get(0);
    Trace trace = awaitTrace(id, 2);
    Span parent = byOperation(trace, "GET /cart");
    Span child = byOperation(trace, "SELECT cart");
    assertThat(parent.serviceName()).isEqualTo(service);
    assertThat(parent.process().tags()).contains(KeyValue.of("host.name", "node-7"));
    assertThat(parent.kind()).isEqualTo(io.spoor.model.SpanKind.SERVER);
    assertThat(tag(parent, "http.status_code")).contains(KeyValue.of("http.status_code", 500L));
    assertThat(tag(parent, "retry")).contains(KeyValue.of("retry", true));
    assertThat(tag(parent, "error")).contains(KeyValue.of("error", true));
    assertThat(tag(parent, "otel.status_description")).contains(KeyValue.of("otel.status_description", "boom"));
    assertThat(tag(parent, "otel.scope.name")).contains(KeyValue.of("otel.scope.name", "io.spoor.test"));
    assertThat(child.kind()).isEqualTo(io.spoor.model.SpanKind.CLIENT);
    assertThat(child.parentSpanId()).isEqualTo(parent.spanId());
    assertThat(child.logs()).hasSize(1);
    assertThat(child.logs().get(0).fields()).contains(KeyValue.of("event", "rows"), KeyValue.of("count", 3L));
    assertThat(child.durationNanos()).isPositive();
    assertThat(child.startTimeNanos()).isGreaterThanOrEqualTo(parent.startTimeNanos());
    assertThat(ids).isNotNull();
  }

  @Test
  void openTelemetrySdkOverOtlpHttp() {
    sendWithOtelSdk(OtlpHttpSpanExporter.builder().setEndpoint(url(Endpoint.OTLP_HTTP, "/v1/traces"))
        .setCompression("gzip").build(), "otlp-http-svc");
    assertOtelTrace("otlp-http-svc");
  }

  @Test
  void openTelemetrySdkOverOtlpGrpc() {
    sendWithOtelSdk(OtlpGrpcSpanExporter.builder().setEndpoint(url(Endpoint.OTLP_GRPC, "")).build(),
        "otlp-grpc-svc");
    assertOtelTrace("otlp-grpc-svc");
  }

  @Test
  void jaegerClientOverHttpThrift() throws Exception {
    HttpSender sender = new HttpSender.Builder(url(Endpoint.JAEGER_HTTP, "/api/traces")).build();
    JaegerTracer tracer = new JaegerTracer.Builder("jaeger-http-svc")
        .withReporter(new RemoteReporter.Builder().withSender(sender).withFlushInterval(100).build())
        .withSampler(new ConstSampler(true))
        .withTraceId128Bit()
        .withTag("region", "eu-1")
        .build();
    JaegerSpan root = tracer.buildSpan("checkout").withTag("amount", 12.5).withStartTimestamp(1_000_000).start();
    JaegerSpan child = tracer.buildSpan("charge").asChildOf(root).withStartTimestamp(1_000_010).start();
    child.log(1_000_020, "charged");
    child.finish(1_000_030);
    root.finish(1_000_100);
    tracer.close();

    io.jaegertracing.internal.JaegerSpanContext ctx = root.context();
    TraceId id = TraceId.of(ctx.getTraceIdHigh(), ctx.getTraceIdLow());
    Trace trace = awaitTrace(id, 2);
    Span r = byOperation(trace, "checkout");
    Span c = byOperation(trace, "charge");
    assertThat(r.serviceName()).isEqualTo("jaeger-http-svc");
    assertThat(r.process().tags()).contains(KeyValue.of("region", "eu-1"));
    assertThat(r.spanId()).isEqualTo(SpanId.of(ctx.getSpanId()));
    assertThat(r.startTimeMicros()).isEqualTo(1_000_000);
    assertThat(r.durationMicros()).isEqualTo(100);
    assertThat(tag(r, "amount")).contains(KeyValue.of("amount", 12.5));
    assertThat(c.parentSpanId()).isEqualTo(r.spanId());
    assertThat(c.logs()).hasSize(1);
    assertThat(c.logs().get(0).timestampNanos()).isEqualTo(1_000_020_000L);
    assertThat(c.logs().get(0).fields()).contains(KeyValue.of("event", "charged"));
  }

  private static void sendZipkin(String path, Encoding encoding, SpanBytesEncoder encoder, zipkin2.Span span) {
    URLConnectionSender sender = URLConnectionSender.newBuilder()
        .endpoint(url(Endpoint.ZIPKIN, path)).encoding(encoding).build();
    try (AsyncReporter<zipkin2.Span> reporter = AsyncReporter.builder(sender).build(encoder)) {
      reporter.report(span);
      reporter.flush();
    } finally {
      sender.close();
    }
  }

  private static zipkin2.Span zipkinSpan(String traceId, String service) {
    return zipkin2.Span.newBuilder().traceId(traceId).id("00000000000000a1").parentId("00000000000000a0")
        .name("get /users").kind(zipkin2.Span.Kind.CLIENT)
        .localEndpoint(zipkin2.Endpoint.newBuilder().serviceName(service).ip("10.1.2.3").build())
        .remoteEndpoint(zipkin2.Endpoint.newBuilder().serviceName("users").ip("10.9.9.9").port(8080).build())
        .timestamp(1_700_000_000_000_000L).duration(2_500)
        .addAnnotation(1_700_000_000_001_000L, "ws")
        .putTag("http.path", "/users").build();
  }

  private static void assertZipkinSpan(String traceHex, String service) {
    Span s = awaitTrace(TraceId.parse(traceHex), 1).spans().get(0);
    assertThat(s.serviceName()).isEqualTo(service);
    assertThat(s.spanId()).isEqualTo(SpanId.of(0xa1));
    assertThat(s.parentSpanId()).isEqualTo(SpanId.of(0xa0));
    assertThat(s.operationName()).isEqualTo("get /users");
    assertThat(s.kind()).isEqualTo(io.spoor.model.SpanKind.CLIENT);
    assertThat(s.startTimeMicros()).isEqualTo(1_700_000_000_000_000L);
    assertThat(s.durationMicros()).isEqualTo(2_500);
    assertThat(tag(s, "http.path")).contains(KeyValue.of("http.path", "/users"));
    assertThat(tag(s, "peer.service")).contains(KeyValue.of("peer.service", "users"));
    assertThat(tag(s, "peer.port")).isPresent();
    assertThat(s.logs()).hasSize(1);
    assertThat(s.logs().get(0).fields()).contains(KeyValue.of("event", "ws"));
  }

  @Test
  void zipkinReporterV2JsonProto3AndV1() {
    sendZipkin("/api/v2/spans", Encoding.JSON, SpanBytesEncoder.JSON_V2,
        zipkinSpan("5af7183fb1d4cf5f0000000000000001", "zipkin-json"));
    assertZipkinSpan("5af7183fb1d4cf5f0000000000000001", "zipkin-json");
    sendZipkin("/api/v2/spans", Encoding.PROTO3, SpanBytesEncoder.PROTO3,
        zipkinSpan("5af7183fb1d4cf5f0000000000000002", "zipkin-proto3"));
    assertZipkinSpan("5af7183fb1d4cf5f0000000000000002", "zipkin-proto3");
    sendZipkin("/api/v1/spans", Encoding.JSON, SpanBytesEncoder.JSON_V1,
        zipkinSpan("5af7183fb1d4cf5f0000000000000003", "zipkin-v1"));
    assertZipkinSpan("5af7183fb1d4cf5f0000000000000003", "zipkin-v1");
  }

  record BadInput(Endpoint endpoint, String path, String contentType, byte[] body, int status, String message) {
    @Override
    public String toString() {
      return endpoint + " " + path + " " + contentType + " -> " + status;
    }
  }

  static java.util.stream.Stream<BadInput> badInputs() {
    byte[] garbage = {(byte) 0xff, (byte) 0xff, 0x01, 0x02, (byte) 0x80};
    byte[] huge = new byte[CollectorConfig.DEFAULT_MAX_REQUEST_BYTES + 1024];
    return java.util.stream.Stream.of(
        new BadInput(Endpoint.JAEGER_HTTP, "/api/traces", "application/x-thrift", garbage, 400,
            "Unable to process request body: "),
        new BadInput(Endpoint.JAEGER_HTTP, "/api/traces", "application/json", "{}".getBytes(), 415,
            "Unsupported content type: application/json"),
        new BadInput(Endpoint.OTLP_HTTP, "/v1/traces", "application/x-protobuf", garbage, 400, "OTLP protobuf"),
        new BadInput(Endpoint.OTLP_HTTP, "/v1/traces", "application/json",
            "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"zz\"}]}]}]}".getBytes(), 400,
            "resourceSpans[0].scopeSpans[0].spans[0].traceId"),
        new BadInput(Endpoint.OTLP_HTTP, "/v1/traces", "text/plain", "x".getBytes(), 415, "Unsupported content type"),
        new BadInput(Endpoint.OTLP_HTTP, "/v1/traces", "application/x-protobuf", huge, 413, ""),
        new BadInput(Endpoint.ZIPKIN, "/api/v2/spans", "application/json", "[{".getBytes(), 400, "Zipkin JSON_V2"),
        new BadInput(Endpoint.ZIPKIN, "/api/v2/spans", "application/x-protobuf", garbage, 400, "Zipkin PROTO3"),
        new BadInput(Endpoint.ZIPKIN, "/api/v1/spans", "application/x-thrift", garbage, 400, "Zipkin THRIFT"),
        new BadInput(Endpoint.ZIPKIN, "/api/v1/spans", "application/json", "{\"not\":\"a list\"}".getBytes(), 400,
            "Zipkin JSON_V1"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("badInputs")
  void badInputIsRefusedWithTheReasonAndTheServerKeepsServing(BadInput bad) throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> r = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(url(bad.endpoint(), bad.path())))
        .header("Content-Type", bad.contentType())
        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bad.body())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(bad.status());
    assertThat(r.body()).contains(bad.message());
    // The same endpoint still takes good input afterwards.
    String good = "[{\"traceId\":\"00000000000000ee\",\"id\":\"00000000000000e1\",\"name\":\"ok\","
        + "\"timestamp\":1700000000000000,\"duration\":1,\"localEndpoint\":{\"serviceName\":\"after-bad\"}}]";
    java.net.http.HttpResponse<String> ok = client.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(url(Endpoint.ZIPKIN, "/api/v2/spans")))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(good)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(202);
  }

  @Test
  void otlpSpansWithZeroIdsAreReportedAsPartialSuccess() throws Exception {
    String body = "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
        + "\"value\":{\"stringValue\":\"partial-svc\"}}]},\"scopeSpans\":[{\"spans\":["
        + "{\"traceId\":\"000000000000000000000000000000f1\",\"spanId\":\"00000000000000f2\",\"name\":\"good\","
        + "\"startTimeUnixNano\":\"1700000000000000000\",\"endTimeUnixNano\":\"1700000000000001000\"},"
        + "{\"traceId\":\"00000000000000000000000000000000\",\"spanId\":\"00000000000000f3\",\"name\":\"bad\"}]}]}]}";
    java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(Endpoint.OTLP_HTTP, "/v1/traces")))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"rejectedSpans\":\"1\"").contains("traceId");
    Span good = awaitTrace(TraceId.of(0xf1), 1).spans().get(0);
    assertThat(good.operationName()).isEqualTo("good");
  }

  @Test
  void oversizedGrpcMessagesAreRefused() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", collector.port(Endpoint.JAEGER_GRPC))
        .usePlaintext().maxInboundMessageSize(64 << 20).build();
    try {
      var stub = CollectorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      Model.Span big = Model.Span.newBuilder()
          .setTraceId(ByteString.copyFrom(TraceId.of(3, 3).toBytes())).setSpanId(ByteString.copyFrom(SpanId.of(3).toBytes()))
          .addTags(Model.KeyValue.newBuilder().setKey("blob").setVStr("x".repeat(CollectorConfig.DEFAULT_MAX_REQUEST_BYTES)))
          .build();
      assertThatThrownBy(() -> stub.postSpans(PostSpansRequest.newBuilder()
              .setBatch(Model.Batch.newBuilder().addSpans(big)).build()))
          .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("RESOURCE_EXHAUSTED");
      assertThat(storage.spanReader().getTrace(TraceId.of(3, 3))).isEmpty();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void rawGrpcApiV2Client() throws Exception {
    ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", collector.port(Endpoint.JAEGER_GRPC))
        .usePlaintext().build();
    try {
      var stub = CollectorServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
      Model.Span span = Model.Span.newBuilder()
          .setTraceId(ByteString.copyFrom(TraceId.of(7, 8).toBytes()))
          .setSpanId(ByteString.copyFrom(SpanId.of(9).toBytes()))
          .setOperationName("grpc-op")
          .setStartTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123_000))
          .setDuration(com.google.protobuf.Duration.newBuilder().setNanos(5_000))
          .addTags(Model.KeyValue.newBuilder().setKey("k").setVType(Model.ValueType.INT64).setVInt64(42))
          .build();
      stub.postSpans(PostSpansRequest.newBuilder().setBatch(Model.Batch.newBuilder()
          .setProcess(Model.Process.newBuilder().setServiceName("grpc-svc"))
          .addSpans(span)).build());
      Span s = awaitTrace(TraceId.of(7, 8), 1).spans().get(0);
      assertThat(s.serviceName()).isEqualTo("grpc-svc");
      assertThat(s.spanId()).isEqualTo(SpanId.of(9));
      assertThat(s.startTimeNanos()).isEqualTo(1_700_000_000_000_123_000L);
      assertThat(s.durationNanos()).isEqualTo(5_000);
      assertThat(s.tags()).containsExactly(KeyValue.of("k", 42L));

      Model.Span bad = span.toBuilder().setTraceId(ByteString.copyFrom(new byte[5])).build();
      assertThatThrownBy(() -> stub.postSpans(PostSpansRequest.newBuilder()
              .setBatch(Model.Batch.newBuilder().addSpans(bad)).build()))
          .isInstanceOf(StatusRuntimeException.class)
          .hasMessageContaining("INVALID_ARGUMENT").hasMessageContaining("5 bytes");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
