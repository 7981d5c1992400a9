package io.spoor.codec.zipkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.codec.DecodeException;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import zipkin2.Endpoint;

/** zipkin2.Span to the model and back, rule by rule (see docs/mapping/zipkin.md). */
class ZipkinCodecTest {
  private static final String TRACE = "463ac35c9f6413ad48485a3953bb6124";

  private static zipkin2.Span.Builder zspan() {
    return zipkin2.Span.newBuilder().traceId(TRACE).id("a2fb4a1d1a96d312").name("get")
        .timestamp(1_472_470_996_199_000L).duration(207_000L)
        .localEndpoint(Endpoint.newBuilder().serviceName("frontend").build());
  }

  @Test
  void idsTimesAndParent() {
    Span s = ZipkinCodec.toModel(zspan().parentId("0020000000000001").build());
    assertThat(s.traceId()).isEqualTo(TraceId.parse(TRACE));
    assertThat(s.spanId()).isEqualTo(SpanId.parse("a2fb4a1d1a96d312"));
    assertThat(s.references()).containsExactly(
        SpanRef.childOf(TraceId.parse(TRACE), SpanId.parse("0020000000000001")));
    assertThat(s.operationName()).isEqualTo("get");
    assertThat(s.startTimeNanos()).isEqualTo(1_472_470_996_199_000_000L);
    assertThat(s.durationNanos()).isEqualTo(207_000_000L);
    assertThat(s.flags()).isEqualTo(Span.FLAG_SAMPLED);
  }

  @Test
  void sixtyFourBitTraceIdAndNoParent() {
    Span s = ZipkinCodec.toModel(zspan().traceId("48485a3953bb6124").build());
    assertThat(s.traceId()).isEqualTo(TraceId.of(0x48485a3953bb6124L));
    assertThat(s.references()).isEmpty();
  }

  @Test
  void debugSetsTheDebugFlag() {
    assertThat(ZipkinCodec.toModel(zspan().debug(true).build()).flags())
        .isEqualTo(Span.FLAG_SAMPLED | Span.FLAG_DEBUG);
  }

  @Test
  void missingTimestampAndDurationAreZero() {
    Span s = ZipkinCodec.toModel(zipkin2.Span.newBuilder().traceId(TRACE).id("1").build());
    assertThat(s.startTimeNanos()).isZero();
    assertThat(s.durationNanos()).isZero();
    assertThat(s.operationName()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"CLIENT, client", "SERVER, server", "PRODUCER, producer", "CONSUMER, consumer"})
  void kindBecomesSpanKindTag(zipkin2.Span.Kind kind, String tag) {
    assertThat(ZipkinCodec.toModel(zspan().kind(kind).build()).tags())
        .containsExactly(KeyValue.of("span.kind", tag));
  }

  @Test
  void noKindNoTag() {
    assertThat(ZipkinCodec.toModel(zspan().build()).tags()).isEmpty();
  }

  @Test
  void localEndpointBecomesProcess() {
    Span s = ZipkinCodec.toModel(zspan().localEndpoint(Endpoint.newBuilder()
        .serviceName("frontend").ip("192.168.99.1").port(8080).build()).build());
    assertThat(s.process()).isEqualTo(Process.of("frontend", KeyValue.of("ip", "192.168.99.1")));
    Span v6 = ZipkinCodec.toModel(zspan().localEndpoint(Endpoint.newBuilder()
        .serviceName("frontend").ip("2001:db8::c001").build()).build());
    assertThat(v6.process()).isEqualTo(Process.of("frontend", KeyValue.of("ip", "2001:db8::c001")));
  }

  @Test
  void missingServiceNameIsJaegersDefault() {
    assertThat(ZipkinCodec.toModel(zspan().localEndpoint(null).build()).serviceName())
        .isEqualTo("unknown-service-name");
    assertThat(ZipkinCodec.toModel(zspan().localEndpoint(Endpoint.newBuilder().ip("10.0.0.1")
        .build()).build()).process())
        .isEqualTo(Process.of("unknown-service-name", KeyValue.of("ip", "10.0.0.1")));
  }

  @Test
  void remoteEndpointBecomesPeerTags() {
    Span s = ZipkinCodec.toModel(zspan().kind(zipkin2.Span.Kind.CLIENT)
        .remoteEndpoint(Endpoint.newBuilder().serviceName("backend").ip("172.19.0.2")
            .ip("2001:db8::1").port(9000).build())
        .build());
    assertThat(s.tags()).containsExactly(
        KeyValue.of("peer.service", "backend"),
        KeyValue.of("peer.ipv4", "172.19.0.2"),
        KeyValue.of("peer.ipv6", "2001:db8::1"),
        KeyValue.of("peer.port", 9000L),
        KeyValue.of("span.kind", "client"));
  }

  @Test
  void remoteEndpointWithoutKindStillGivesPeerTags() {
    Span s = ZipkinCodec.toModel(zspan()
        .remoteEndpoint(Endpoint.newBuilder().serviceName("cache").port(6379).build()).build());
    assertThat(s.tags()).containsExactly(
        KeyValue.of("peer.service", "cache"), KeyValue.of("peer.port", 6379L));
  }

  @Test
  void tagsAreStringsInKeyOrder() {
    Span s = ZipkinCodec.toModel(zspan().putTag("http.path", "/api").putTag("count", "3")
        .putTag("lc", "spring").build());
    // zipkin2 keeps tags sorted by key; "lc" (local component) is Jaeger's "component"
    assertThat(s.tags()).containsExactly(
        KeyValue.of("count", "3"),
        KeyValue.of("http.path", "/api"),
        KeyValue.of("component", "spring"));
  }

  @Test
  void errorTagBecomesBooleanAndDescription() {
    assertThat(ZipkinCodec.toModel(zspan().putTag("error", "timeout").build()).tags())
        .containsExactly(KeyValue.of("error", true), KeyValue.of("otel.status_description", "timeout"));
    assertThat(ZipkinCodec.toModel(zspan().putTag("error", "").build()).tags())
        .containsExactly(KeyValue.of("error", true));
    assertThat(ZipkinCodec.toModel(zspan().putTag("error", "true").build()).tags())
        .containsExactly(KeyValue.of("error", true));
    assertThat(ZipkinCodec.toModel(zspan().putTag("error", "false").build()).tags())
        .containsExactly(KeyValue.of("error", false));
  }

  @Test
  void jaegerClientTagsMoveToTheProcess() {
    Span s = ZipkinCodec.toModel(zspan().putTag("jaegerClient", "Go-2.30.0")
        .putTag("jaeger.hostname", "box").putTag("x", "y").build());
    assertThat(s.tags()).containsExactly(KeyValue.of("x", "y"));
    assertThat(s.process().tags()).containsExactly(
        KeyValue.of("hostname", "box"), KeyValue.of("jaeger.version", "Go-2.30.0"));
  }

  @Test
  void annotationsBecomeLogs() {
    Span s = ZipkinCodec.toModel(zspan()
        .addAnnotation(1_472_470_996_238_000L, "ws")
        .addAnnotation(1_472_470_996_239_000L, "{\"event\":\"retry\",\"attempt\":\"2\"}")
        .addAnnotation(1_472_470_996_240_000L, "{\"n\":2}")
        .build());
    assertThat(s.logs()).containsExactly(
        Log.of(1_472_470_996_238_000_000L, KeyValue.of("event", "ws")),
        Log.of(1_472_470_996_239_000_000L, KeyValue.of("event", "retry"),
            KeyValue.of("attempt", "2")),
        Log.of(1_472_470_996_240_000_000L, KeyValue.of("event", "{\"n\":2}")));
  }

  @Test
  void sharedServerSpanKeepsItsId() {
    zipkin2.Span client = zspan().kind(zipkin2.Span.Kind.CLIENT).build();
    zipkin2.Span server = zspan().kind(zipkin2.Span.Kind.SERVER).shared(true)
        .localEndpoint(Endpoint.newBuilder().serviceName("backend").build()).build();
    List<Span> spans = ZipkinCodec.toModel(List.of(client, server));
    assertThat(spans.get(1).spanId()).isEqualTo(spans.get(0).spanId());
    assertThat(spans.get(1).serviceName()).isEqualTo("backend");
    assertThat(spans.get(1).findTag("span.kind")).isEqualTo(KeyValue.of("span.kind", "server"));
  }

  @Test
  void modelToZipkinReversesTheMapping() {
    Span model = Span.newBuilder()
        .traceId(TraceId.parse(TRACE)).spanId(SpanId.of(0x10))
        .addReference(SpanRef.childOf(TraceId.parse(TRACE), SpanId.of(0x5)))
        .operationName("get").startTimeNanos(1_000_000_999L).durationNanos(2_000_500L)
        .flags(Span.FLAG_SAMPLED | Span.FLAG_DEBUG)
        .addTag(KeyValue.of("error", true)).addTag(KeyValue.of("otel.status_description", "boom"))
        .addTag(KeyValue.of("n", 5L)).addTag(KeyValue.of("component", "jdbc"))
        .addTag(KeyValue.of("peer.service", "db")).addTag(KeyValue.of("peer.ipv4", 0x0a000001L))
        .addTag(KeyValue.of("peer.port", 5432L)).addTag(KeyValue.of("span.kind", "client"))
        .addLog(Log.of(1_000_001_000L, KeyValue.of("event", "sent")))
        .addLog(Log.of(1_000_002_000L, KeyValue.of("a", "1"), KeyValue.of("b", true)))
        .process(Process.of("api", KeyValue.of("ip", "10.1.2.3"), KeyValue.of("hostname", "h"),
            KeyValue.of("other", "dropped")))
        .build();
    zipkin2.Span z = ZipkinCodec.toZipkin(model);
    assertThat(z.traceId()).isEqualTo(TRACE);
    assertThat(z.id()).isEqualTo("0000000000000010");
    assertThat(z.parentId()).isEqualTo("0000000000000005");
    assertThat(z.name()).isEqualTo("get");
    assertThat(z.timestampAsLong()).isEqualTo(1_000_000L);
    assertThat(z.durationAsLong()).isEqualTo(2_000L);
    assertThat(z.debug()).isTrue();
    assertThat(z.kind()).isEqualTo(zipkin2.Span.Kind.CLIENT);
    assertThat(z.localEndpoint()).isEqualTo(Endpoint.newBuilder().serviceName("api")
        .ip("10.1.2.3").build());
    assertThat(z.remoteEndpoint()).isEqualTo(Endpoint.newBuilder().serviceName("db")
        .ip("10.0.0.1").port(5432).build());
    assertThat(z.tags()).containsExactly(
        org.assertj.core.api.Assertions.entry("error", "boom"),
        org.assertj.core.api.Assertions.entry("jaeger.hostname", "h"),
        org.assertj.core.api.Assertions.entry("lc", "jdbc"),
        org.assertj.core.api.Assertions.entry("n", "5"));
    assertThat(z.annotations()).extracting(a -> a.timestamp() + " " + a.value()).containsExactly(
        "1000001 sent", "1000002 {\"a\":\"1\",\"b\":\"true\"}");
  }

  @Test
  void decodeErrorsNameTheFormat() {
    assertThatThrownBy(() -> ZipkinCodec.decode(ZipkinFormat.JSON_V2,
        "[{\"traceId\":".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Zipkin JSON_V2: ");
    assertThatThrownBy(() -> ZipkinCodec.decode(ZipkinFormat.JSON_V2,
        "[{\"traceId\":\"zz\",\"id\":\"1\"}]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Zipkin JSON_V2: ")
        .hasMessageContaining("zz");
    assertThatThrownBy(() -> ZipkinCodec.decode(ZipkinFormat.PROTO3, new byte[] {0x0a, 0x7f, 1}))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Zipkin PROTO3: ");
    assertThatThrownBy(() -> ZipkinCodec.decode(ZipkinFormat.THRIFT, new byte[] {0x0c, 0, 0, 0, 9}))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Zipkin THRIFT: ");
    assertThatThrownBy(() -> ZipkinCodec.decode(ZipkinFormat.JSON_V1,
        "{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Zipkin JSON_V1: ");
  }

  @Test
  void detectsTheFormat() {
    zipkin2.Span z = zspan().build();
    for (ZipkinFormat format : ZipkinFormat.values()) {
      byte[] bytes = format.encoder().encodeList(List.of(z));
      assertThat(ZipkinFormat.detect(bytes)).as(format.name()).isEqualTo(format);
    }
    assertThatThrownBy(() -> ZipkinFormat.detect("nope".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Zipkin: ");
  }
}
