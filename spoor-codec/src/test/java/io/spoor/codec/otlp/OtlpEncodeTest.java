package io.spoor.codec.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model to OTLP (the api_v3 direction), and round trips. */
class OtlpEncodeTest {
  private static final TraceId TRACE = TraceId.of(0x1234L, 0x5678L);
  private static final Process PROCESS = Process.of("svc", KeyValue.of("host.name", "h"));

  private static Span.Builder span(long id) {
    return Span.newBuilder().traceId(TRACE).spanId(SpanId.of(id)).operationName("op" + id)
        .startTimeNanos(1_600_000_000_000_000_123L).durationNanos(5_000_007L)
        .flags(Span.FLAG_SAMPLED).process(PROCESS);
  }

  private static io.opentelemetry.proto.trace.v1.Span encodeOne(Span span) {
    TracesData data = OtlpCodec.encode(List.of(span));
    return data.getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  private static AnyValue str(String s) {
    return AnyValue.newBuilder().setStringValue(s).build();
  }

  @Test
  void idsTimesFlagsAndParent() {
    io.opentelemetry.proto.trace.v1.Span s = encodeOne(span(2)
        .addReference(SpanRef.childOf(TRACE, SpanId.of(1))).build());
    assertThat(s.getTraceId()).isEqualTo(OtlpProtos.hex("00000000000012340000000000005678"));
    assertThat(s.getSpanId()).isEqualTo(OtlpProtos.hex("0000000000000002"));
    assertThat(s.getParentSpanId()).isEqualTo(OtlpProtos.hex("0000000000000001"));
    assertThat(s.getName()).isEqualTo("op2");
    assertThat(s.getStartTimeUnixNano()).isEqualTo(1_600_000_000_000_000_123L);
    assertThat(s.getEndTimeUnixNano()).isEqualTo(1_600_000_000_005_000_130L);
    assertThat(s.getFlags()).isEqualTo(1);
    assertThat(s.getLinksCount()).isZero();
  }

  @Test
  void groupsByProcessThenScope() {
    Process other = Process.of("other");
    TracesData data = OtlpCodec.encode(List.of(
        span(1).addTag(KeyValue.of("otel.scope.name", "a")).build(),
        span(2).process(other).build(),
        span(3).addTag(KeyValue.of("otel.scope.name", "a")).build(),
        span(4).addTag(KeyValue.of("otel.scope.name", "b"))
            .addTag(KeyValue.of("otel.scope.version", "9")).build(),
        span(5).addTag(KeyValue.of("otel.library.name", "old"))
            .addTag(KeyValue.of("otel.library.version", "0.1")).build()));
    assertThat(data.getResourceSpansCount()).isEqualTo(2);
    ResourceSpans svc = data.getResourceSpans(0);
    assertThat(svc.getResource().getAttributesList()).containsExactly(
        OtlpProtos.attr("service.name", "svc"), OtlpProtos.attr("host.name", "h"));
    assertThat(svc.getScopeSpansList()).extracting(ss -> ss.getScope().getName() + "@"
        + ss.getScope().getVersion() + ":" + ss.getSpansCount())
        .containsExactly("a@:2", "b@9:1", "old@0.1:1");
    assertThat(svc.getScopeSpans(1).getSpans(0).getAttributesList()).isEmpty();
    assertThat(data.getResourceSpans(1).getResource().getAttributesList())
        .containsExactly(OtlpProtos.attr("service.name", "other"));
  }

  @Test
  void jaegerProcessTagsAreRenamed() {
    TracesData data = OtlpCodec.encode(List.of(span(1).process(Process.of("svc",
        KeyValue.of("hostname", "box"), KeyValue.of("jaeger.version", "Java-1.8.1"))).build()));
    assertThat(data.getResourceSpans(0).getResource().getAttributesList()).containsExactly(
        OtlpProtos.attr("service.name", "svc"),
        OtlpProtos.attr("host.name", "box"),
        OtlpProtos.attr("opencensus.exporterversion", "Jaeger-Java-1.8.1"));
  }

  @Test
  void placeholderServiceNameIsNotWritten() {
    TracesData data = OtlpCodec.encode(List.of(span(1)
        .process(Process.of("OTLPResourceNoServiceName")).build()));
    assertThat(data.getResourceSpans(0).getResource().getAttributesList()).isEmpty();
  }

  @Test
  void kindStatusTraceStateAndCountsLeaveTheTags() {
    io.opentelemetry.proto.trace.v1.Span s = encodeOne(span(1)
        .addTag(KeyValue.of("k", 1L))
        .addTag(KeyValue.of("span.kind", "producer"))
        .addTag(KeyValue.of("otel.status_code", "ERROR"))
        .addTag(KeyValue.of("error", true))
        .addTag(KeyValue.of("otel.status_description", "bad"))
        .addTag(KeyValue.of("w3c.tracestate", "x=1"))
        .addTag(KeyValue.of("otel.dropped_attributes_count", 4L))
        .addTag(KeyValue.of("otel.dropped_events_count", 5L))
        .addTag(KeyValue.of("otel.dropped_links_count", 6L))
        .build());
    assertThat(s.getKind()).isEqualTo(io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_PRODUCER);
    assertThat(s.getStatus()).isEqualTo(Status.newBuilder()
        .setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("bad").build());
    assertThat(s.getTraceState()).isEqualTo("x=1");
    assertThat(s.getDroppedAttributesCount()).isEqualTo(4);
    assertThat(s.getDroppedEventsCount()).isEqualTo(5);
    assertThat(s.getDroppedLinksCount()).isEqualTo(6);
    assertThat(s.getAttributesList()).containsExactly(
        OtlpProtos.attr("k", AnyValue.newBuilder().setIntValue(1).build()));
  }

  @Test
  void errorTagAloneMeansErrorStatus() {
    io.opentelemetry.proto.trace.v1.Span s = encodeOne(span(1)
        .addTag(KeyValue.of("error", true)).addTag(KeyValue.of("http.status_message", "gone"))
        .build());
    assertThat(s.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(s.getStatus().getMessage()).isEqualTo("gone");
    assertThat(s.getAttributesList()).containsExactly(OtlpProtos.attr("http.status_message", "gone"));
  }

  @Test
  void errorFalseStaysAnAttribute() {
    io.opentelemetry.proto.trace.v1.Span s = encodeOne(span(1).addTag(KeyValue.of("error", false))
        .build());
    assertThat(s.hasStatus()).isFalse();
    assertThat(s.getAttributesList()).containsExactly(
        OtlpProtos.attr("error", AnyValue.newBuilder().setBoolValue(false).build()));
  }

  @Test
  void httpStatusCodeIsTheLastResort() {
    assertThat(encodeOne(span(1).addTag(KeyValue.of("span.kind", "client"))
        .addTag(KeyValue.of("http.status_code", 404L)).build()).getStatus().getCode())
        .isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(encodeOne(span(1).addTag(KeyValue.of("span.kind", "server"))
        .addTag(KeyValue.of("http.status_code", 404L)).build()).hasStatus()).isFalse();
    assertThat(encodeOne(span(1).addTag(KeyValue.of("http.status_code", "503")).build())
        .getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
    assertThat(encodeOne(span(1).addTag(KeyValue.of("http.status_code", 200L)).build())
        .hasStatus()).isFalse();
  }

  @Test
  void referencesOtherThanTheParentBecomeLinksWithRefType() {
    TraceId other = TraceId.of(99);
    io.opentelemetry.proto.trace.v1.Span s = encodeOne(span(2)
        .addReference(SpanRef.childOf(TRACE, SpanId.of(1)))
        .addReference(SpanRef.followsFrom(other, SpanId.of(7)))
        .addReference(SpanRef.childOf(other, SpanId.of(8)))
        .build());
    assertThat(s.getParentSpanId()).isEqualTo(OtlpProtos.hex("0000000000000001"));
    assertThat(s.getLinksList()).extracting(l -> l.getSpanId().byteAt(7) + ":"
        + l.getAttributes(0).getKey() + "=" + l.getAttributes(0).getValue().getStringValue())
        .containsExactly("7:opentracing.ref_type=follows_from", "8:opentracing.ref_type=child_of");
  }

  @Test
  void logsBecomeEvents() {
    io.opentelemetry.proto.trace.v1.Span s = encodeOne(span(1)
        .addLog(Log.of(10, KeyValue.of("event", "retry"), KeyValue.of("n", 2L)))
        .addLog(Log.of(11, KeyValue.of("message", "no name")))
        .build());
    assertThat(s.getEvents(0).getName()).isEqualTo("retry");
    assertThat(s.getEvents(0).getTimeUnixNano()).isEqualTo(10);
    assertThat(s.getEvents(0).getAttributesList()).containsExactly(
        OtlpProtos.attr("n", AnyValue.newBuilder().setIntValue(2).build()));
    assertThat(s.getEvents(1).getName()).isEmpty();
    assertThat(s.getEvents(1).getAttributesList()).containsExactly(OtlpProtos.attr("message",
        str("no name")));
  }

  @Test
  void modelToOtlpToModelIsLossless() {
    Span original = span(2)
        .addReference(SpanRef.childOf(TRACE, SpanId.of(1)))
        .addReference(SpanRef.followsFrom(TraceId.of(5, 6), SpanId.of(7)))
        .addTag(KeyValue.of("otel.scope.name", "lib"))
        .addTag(KeyValue.of("otel.scope.version", "1"))
        .addTag(KeyValue.of("s", "x"))
        .addTag(KeyValue.of("b", true))
        .addTag(KeyValue.of("i", Long.MIN_VALUE))
        .addTag(KeyValue.of("d", -0.125))
        .addTag(KeyValue.ofBinary("bin", new byte[] {0, 1, 2}))
        .addTag(KeyValue.of("span.kind", "consumer"))
        .addTag(KeyValue.of("otel.status_code", "ERROR"))
        .addTag(KeyValue.of("error", true))
        .addTag(KeyValue.of("otel.status_description", "why"))
        .addTag(KeyValue.of("w3c.tracestate", "k=v"))
        .addTag(KeyValue.of("otel.dropped_links_count", 2L))
        .addLog(Log.of(1_600_000_000_000_000_999L, KeyValue.of("event", "e"), KeyValue.of("f", 1.5)))
        .build();
    Span unsampled = span(3).flags(0).build();
    List<Span> back = OtlpCodec.decode(OtlpCodec.encode(List.of(original, unsampled))).spans();
    assertThat(back).containsExactly(original, unsampled);
    // and through the export request and its JSON
    assertThat(OtlpCodec.decodeJson(OtlpCodec.encodeJson(List.of(original, unsampled))).spans())
        .containsExactly(original, unsampled);
    assertThat(OtlpCodec.decode(OtlpCodec.encodeRequest(List.of(original))).spans())
        .containsExactly(original);
  }
}
