package io.spoor.codec.zipkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zipkin2.Endpoint;
import zipkin2.reporter.AsyncReporter;
import zipkin2.reporter.BytesMessageEncoder;
import zipkin2.reporter.BytesMessageSender;
import zipkin2.reporter.Encoding;

/**
 * Bytes produced by the real zipkin2 encoders (v1 JSON, v1 Thrift, v2 JSON, proto3) and by
 * zipkin-reporter's {@code AsyncReporter} decode to the expected model, field by field.
 */
class ZipkinWireFormatsTest {
  private static final String TRACE = "463ac35c9f6413ad48485a3953bb6124";

  /** A client span with everything Zipkin can carry. */
  static zipkin2.Span clientSpan() {
    return zipkin2.Span.newBuilder()
        .traceId(TRACE).id("a2fb4a1d1a96d312").parentId("0020000000000001")
        .name("get /api").kind(zipkin2.Span.Kind.CLIENT)
        .timestamp(1_472_470_996_199_000L).duration(207_000L)
        .localEndpoint(Endpoint.newBuilder().serviceName("frontend").ip("192.168.99.1").port(8080)
            .build())
        .remoteEndpoint(Endpoint.newBuilder().serviceName("backend").ip("172.19.0.2").port(9000)
            .build())
        .addAnnotation(1_472_470_996_238_000L, "ws")
        .addAnnotation(1_472_470_996_403_000L, "wr")
        .putTag("http.path", "/api")
        .putTag("clnt/finagle.version", "6.45.0")
        .putTag("error", "timeout")
        .debug(true)
        .build();
  }

  /** What {@link #clientSpan()} maps to. */
  static Span expectedClient() {
    TraceId trace = TraceId.parse(TRACE);
    return Span.newBuilder()
        .traceId(trace).spanId(SpanId.parse("a2fb4a1d1a96d312"))
        .addReference(SpanRef.childOf(trace, SpanId.parse("0020000000000001")))
        .operationName("get /api")
        .flags(Span.FLAG_SAMPLED | Span.FLAG_DEBUG)
        .startTimeNanos(1_472_470_996_199_000_000L).durationNanos(207_000_000L)
        .tags(List.of(
            KeyValue.of("clnt/finagle.version", "6.45.0"),
            KeyValue.of("error", true),
            KeyValue.of("otel.status_description", "timeout"),
            KeyValue.of("http.path", "/api"),
            KeyValue.of("peer.service", "backend"),
            KeyValue.of("peer.ipv4", "172.19.0.2"),
            KeyValue.of("peer.port", 9000L),
            KeyValue.of("span.kind", "client")))
        .logs(List.of(
            Log.of(1_472_470_996_238_000_000L, KeyValue.of("event", "ws")),
            Log.of(1_472_470_996_403_000_000L, KeyValue.of("event", "wr"))))
        .process(Process.of("frontend", KeyValue.of("ip", "192.168.99.1")))
        .build();
  }

  /** A producer span with an IPv6 endpoint and a 64-bit trace id. */
  static zipkin2.Span producerSpan() {
    return zipkin2.Span.newBuilder()
        .traceId("48485a3953bb6124").id("0000000000000002")
        .name("send").kind(zipkin2.Span.Kind.PRODUCER)
        .timestamp(1_500_000_000_000_001L).duration(1L)
        .localEndpoint(Endpoint.newBuilder().serviceName("queue-writer").ip("2001:db8::c001").build())
        .remoteEndpoint(Endpoint.newBuilder().serviceName("kafka").build())
        .putTag("kafka.topic", "orders")
        .build();
  }

  static Span expectedProducer() {
    TraceId trace = TraceId.parse("48485a3953bb6124");
    return Span.newBuilder()
        .traceId(trace).spanId(SpanId.of(2))
        .operationName("send")
        .flags(Span.FLAG_SAMPLED)
        .startTimeNanos(1_500_000_000_000_001_000L).durationNanos(1_000L)
        .tags(List.of(
            KeyValue.of("kafka.topic", "orders"),
            KeyValue.of("peer.service", "kafka"),
            KeyValue.of("span.kind", "producer")))
        .process(Process.of("queue-writer", KeyValue.of("ip", "2001:db8::c001")))
        .build();
  }

  @ParameterizedTest
  @EnumSource(ZipkinFormat.class)
  void decodesEveryFormatTheLibraryEncodes(ZipkinFormat format) {
    byte[] bytes = format.encoder().encodeList(List.of(clientSpan(), producerSpan()));
    List<Span> spans = ZipkinCodec.decode(format, bytes);
    assertThat(spans).hasSize(2);
    assertSameSpan(spans.get(0), expectedClient());
    assertSameSpan(spans.get(1), expectedProducer());
  }

  @ParameterizedTest
  @EnumSource(ZipkinFormat.class)
  void decodesWhatTheReporterSends(ZipkinFormat format) {
    CapturingSender sender = new CapturingSender(encoding(format));
    try (AsyncReporter<zipkin2.Span> reporter = AsyncReporter.builder(sender)
        .messageTimeout(0, TimeUnit.MILLISECONDS) // no background thread: we flush ourselves
        .build(reporterEncoder(format))) {
      reporter.report(clientSpan());
      reporter.report(producerSpan());
      reporter.flush();
    }
    assertThat(sender.messages).hasSize(1);
    List<Span> spans = ZipkinCodec.decode(format, sender.messages.get(0));
    assertThat(spans).hasSize(2);
    assertSameSpan(spans.get(0), expectedClient());
    assertSameSpan(spans.get(1), expectedProducer());
  }

  @ParameterizedTest
  @EnumSource(ZipkinFormat.class)
  void modelToZipkinBytesAndBack(ZipkinFormat format) {
    List<Span> model = List.of(expectedClient(), expectedProducer());
    assertThat(ZipkinCodec.decode(format, ZipkinCodec.encode(format, model))).isEqualTo(model);
  }

  @Test
  void producerIpv6EndpointSurvivesV2Json() {
    List<Span> spans = ZipkinCodec.decode(ZipkinFormat.JSON_V2,
        ZipkinFormat.JSON_V2.encoder().encodeList(List.of(producerSpan())));
    assertThat(spans.get(0).process().tags()).containsExactly(KeyValue.of("ip", "2001:db8::c001"));
  }

  private static void assertSameSpan(Span actual, Span expected) {
    assertThat(actual.traceId()).isEqualTo(expected.traceId());
    assertThat(actual.spanId()).isEqualTo(expected.spanId());
    assertThat(actual.references()).isEqualTo(expected.references());
    assertThat(actual.operationName()).isEqualTo(expected.operationName());
    assertThat(actual.flags()).isEqualTo(expected.flags());
    assertThat(actual.startTimeNanos()).isEqualTo(expected.startTimeNanos());
    assertThat(actual.durationNanos()).isEqualTo(expected.durationNanos());
    assertThat(actual.tags()).containsExactlyElementsOf(expected.tags());
    assertThat(actual.logs()).containsExactlyElementsOf(expected.logs());
    assertThat(actual.process()).isEqualTo(expected.process());
    assertThat(actual).isEqualTo(expected);
  }

  private static Encoding encoding(ZipkinFormat format) {
    switch (format) {
      case PROTO3:
        return Encoding.PROTO3;
      case THRIFT:
        return Encoding.THRIFT;
      default:
        return Encoding.JSON;
    }
  }

  private static zipkin2.reporter.SpanBytesEncoder reporterEncoder(ZipkinFormat format) {
    return zipkin2.reporter.SpanBytesEncoder.valueOf(format.name());
  }

  /** A sender that keeps each message (the reporter's list encoding of a batch) in memory. */
  private static final class CapturingSender implements BytesMessageSender {
    final List<byte[]> messages = new ArrayList<>();
    private final Encoding encoding;

    CapturingSender(Encoding encoding) {
      this.encoding = encoding;
    }

    @Override
    public Encoding encoding() {
      return encoding;
    }

    @Override
    public int messageMaxBytes() {
      return 500_000;
    }

    @Override
    public int messageSizeInBytes(List<byte[]> spans) {
      return encoding.listSizeInBytes(spans);
    }

    @Override
    public int messageSizeInBytes(int spanSizeInBytes) {
      return encoding.listSizeInBytes(spanSizeInBytes);
    }

    @Override
    public void send(List<byte[]> spans) {
      messages.add(BytesMessageEncoder.forEncoding(encoding).encode(spans));
    }

    @Override
    public void close() {}
  }
}
