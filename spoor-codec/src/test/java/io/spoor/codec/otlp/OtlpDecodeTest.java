package io.spoor.codec.otlp;

import static io.spoor.codec.otlp.OtlpProtos.PARENT;
import static io.spoor.codec.otlp.OtlpProtos.SPAN;
import static io.spoor.codec.otlp.OtlpProtos.TRACE;
import static io.spoor.codec.otlp.OtlpProtos.attr;
import static io.spoor.codec.otlp.OtlpProtos.hex;
import static io.spoor.codec.otlp.OtlpProtos.request;
import static io.spoor.codec.otlp.OtlpProtos.span;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span.Event;
import io.opentelemetry.proto.trace.v1.Span.Link;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.proto.trace.v1.Status;
import io.spoor.codec.DecodeException;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OTLP protobuf to the model, rule by rule (see docs/mapping/otlp.md). */
class OtlpDecodeTest {

  private static Span decodeOne(io.opentelemetry.proto.trace.v1.Span span) {
    OtlpDecodeResult result = OtlpCodec.decode(request(span));
    assertThat(result.rejectedSpans()).isZero();
    assertThat(result.spans()).hasSize(1);
    return result.spans().get(0);
  }

  @Test
  void idsNamesAndNanosecondTimes() {
    Span s = decodeOne(span().setFlags(0x301).build());
    assertThat(s.traceId()).isEqualTo(TraceId.parse(TRACE));
    assertThat(s.spanId()).isEqualTo(SpanId.parse(SPAN));
    assertThat(s.operationName()).isEqualTo("op");
    assertThat(s.startTimeNanos()).isEqualTo(1_000_000_000_000_000_001L);
    assertThat(s.durationNanos()).isEqualTo(500_001L);
    assertThat(s.flags()).isEqualTo(Span.FLAG_SAMPLED);
    assertThat(s.references()).isEmpty();
  }

  @Test
  void unsampledFlagsGiveNoSampledBit() {
    assertThat(decodeOne(span().setFlags(0x100).build()).flags()).isZero();
  }

  @Test
  void resourceBecomesProcess() {
    Resource resource = Resource.newBuilder()
        .addAttributes(attr("host.name", "h1"))
        .addAttributes(attr("service.name", "checkout"))
        .addAttributes(attr("pid", AnyValue.newBuilder().setIntValue(42).build()))
        .build();
    Span s = OtlpCodec.decode(request(resource, InstrumentationScope.getDefaultInstance(),
        span().build())).spans().get(0);
    assertThat(s.serviceName()).isEqualTo("checkout");
    assertThat(s.process().tags()).containsExactly(KeyValue.of("host.name", "h1"),
        KeyValue.of("pid", 42L));
  }

  @Test
  void missingServiceNameGetsJaegersPlaceholder() {
    Span empty = OtlpCodec.decode(request(Resource.getDefaultInstance(),
        InstrumentationScope.getDefaultInstance(), span().build())).spans().get(0);
    assertThat(empty.serviceName()).isEqualTo("OTLPResourceNoServiceName");
    Span noName = OtlpCodec.decode(request(Resource.newBuilder().addAttributes(attr("a", "b")).build(),
        InstrumentationScope.getDefaultInstance(), span().build())).spans().get(0);
    assertThat(noName.serviceName()).isEqualTo("OTLPResourceNoServiceName");
    assertThat(noName.process().tags()).containsExactly(KeyValue.of("a", "b"));
  }

  @Test
  void attributeTypesBecomeTypedTags() {
    AnyValue array = AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder()
        .addValues(AnyValue.newBuilder().setStringValue("x"))
        .addValues(AnyValue.newBuilder().setIntValue(7))
        .addValues(AnyValue.newBuilder().setDoubleValue(0.5))
        .addValues(AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2})))
        .addValues(AnyValue.newBuilder().setBoolValue(false))
        .addValues(AnyValue.getDefaultInstance())).build();
    AnyValue kvlist = AnyValue.newBuilder().setKvlistValue(KeyValueList.newBuilder()
        .addValues(attr("z", "last"))
        .addValues(attr("a", AnyValue.newBuilder().setDoubleValue(1e21).build()))
        .addValues(attr("m", AnyValue.newBuilder().setDoubleValue(1e-7).build()))).build();
    Span s = decodeOne(span()
        .addAttributes(attr("s", "text"))
        .addAttributes(attr("b", AnyValue.newBuilder().setBoolValue(true).build()))
        .addAttributes(attr("i", AnyValue.newBuilder().setIntValue(-3).build()))
        .addAttributes(attr("d", AnyValue.newBuilder().setDoubleValue(2.5).build()))
        .addAttributes(attr("bytes",
            AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {9})).build()))
        .addAttributes(attr("arr", array))
        .addAttributes(attr("map", kvlist))
        .addAttributes(attr("empty", AnyValue.getDefaultInstance()))
        .build());
    assertThat(s.tags()).containsExactly(
        KeyValue.of("s", "text"),
        KeyValue.of("b", true),
        KeyValue.of("i", -3L),
        KeyValue.of("d", 2.5),
        KeyValue.ofBinary("bytes", new byte[] {9}),
        KeyValue.of("arr", "[\"x\",7,0.5,\"AQI=\",false,null]"),
        KeyValue.of("map", "{\"a\":1e+21,\"m\":1e-7,\"z\":\"last\"}"),
        KeyValue.of("empty", ""));
  }

  @ParameterizedTest
  @CsvSource({
      "SPAN_KIND_SERVER, server",
      "SPAN_KIND_CLIENT, client",
      "SPAN_KIND_PRODUCER, producer",
      "SPAN_KIND_CONSUMER, consumer",
      "SPAN_KIND_INTERNAL, internal"})
  void spanKindBecomesTag(SpanKind kind, String tag) {
    assertThat(decodeOne(span().setKind(kind).build()).tags())
        .containsExactly(KeyValue.of("span.kind", tag));
  }

  @Test
  void unspecifiedKindGivesNoTag() {
    assertThat(decodeOne(span().setKind(SpanKind.SPAN_KIND_UNSPECIFIED).build()).tags()).isEmpty();
  }

  @Test
  void errorStatusGivesStatusCodeErrorTagAndDescription() {
    Span s = decodeOne(span().setStatus(Status.newBuilder()
        .setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom")).build());
    assertThat(s.tags()).containsExactly(
        KeyValue.of("otel.status_code", "ERROR"),
        KeyValue.of("error", true),
        KeyValue.of("otel.status_description", "boom"));
  }

  @Test
  void okStatusGivesStatusCodeOnly() {
    Span s = decodeOne(span().setStatus(Status.newBuilder()
        .setCode(Status.StatusCode.STATUS_CODE_OK)).build());
    assertThat(s.tags()).containsExactly(KeyValue.of("otel.status_code", "OK"));
    Span unset = decodeOne(span().setStatus(Status.getDefaultInstance()).build());
    assertThat(unset.tags()).isEmpty();
  }

  @Test
  void tagOrderFollowsJaeger() {
    Span s = decodeOne(span()
        .setKind(SpanKind.SPAN_KIND_CLIENT)
        .setTraceState("a=1,b=2")
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("m"))
        .addAttributes(attr("k", "v"))
        .setDroppedAttributesCount(1)
        .setDroppedEventsCount(2)
        .setDroppedLinksCount(3)
        .build());
    assertThat(s.tags()).containsExactly(
        KeyValue.of("k", "v"),
        KeyValue.of("span.kind", "client"),
        KeyValue.of("otel.status_code", "ERROR"),
        KeyValue.of("error", true),
        KeyValue.of("otel.status_description", "m"),
        KeyValue.of("w3c.tracestate", "a=1,b=2"),
        KeyValue.of("otel.dropped_attributes_count", 1L),
        KeyValue.of("otel.dropped_events_count", 2L),
        KeyValue.of("otel.dropped_links_count", 3L));
  }

  @Test
  void scopeBecomesTagsFirst() {
    Span s = OtlpCodec.decode(request(Resource.getDefaultInstance(),
        InstrumentationScope.newBuilder().setName("lib").setVersion("2.0")
            .addAttributes(attr("ignored", "x")).build(),
        span().addAttributes(attr("k", "v")).build())).spans().get(0);
    assertThat(s.tags()).containsExactly(
        KeyValue.of("otel.scope.name", "lib"),
        KeyValue.of("otel.scope.version", "2.0"),
        KeyValue.of("k", "v"));
  }

  @Test
  void eventsBecomeLogsWithEventField() {
    Span s = decodeOne(span()
        .addEvents(Event.newBuilder().setTimeUnixNano(5).setName("retry")
            .addAttributes(attr("n", AnyValue.newBuilder().setIntValue(2).build())))
        .addEvents(Event.newBuilder().setTimeUnixNano(6).setName("ignored name")
            .addAttributes(attr("event", "explicit")))
        .addEvents(Event.newBuilder().setTimeUnixNano(7))
        .build());
    assertThat(s.logs()).containsExactly(
        new Log(5, List.of(KeyValue.of("event", "retry"), KeyValue.of("n", 2L))),
        new Log(6, List.of(KeyValue.of("event", "explicit"))),
        new Log(7, List.of()));
  }

  @Test
  void parentFirstThenLinksAsFollowsFrom() {
    String otherTrace = "0000000000000000000000000000abcd";
    Span s = decodeOne(span()
        .setParentSpanId(hex(PARENT))
        .addLinks(Link.newBuilder().setTraceId(hex(otherTrace)).setSpanId(hex("000000000000000a"))
            .addAttributes(attr("link.attr", "dropped by Jaeger")))
        .addLinks(Link.newBuilder().setTraceId(hex(otherTrace)).setSpanId(hex("000000000000000b"))
            .addAttributes(attr("opentracing.ref_type", "child_of")))
        .build());
    assertThat(s.references()).containsExactly(
        SpanRef.childOf(TraceId.parse(TRACE), SpanId.parse(PARENT)),
        new SpanRef(RefType.FOLLOWS_FROM, TraceId.parse(otherTrace), SpanId.of(10)),
        new SpanRef(RefType.CHILD_OF, TraceId.parse(otherTrace), SpanId.of(11)));
  }

  @Test
  void linkToTheParentSetsTheParentReferenceType() {
    Span s = decodeOne(span()
        .setParentSpanId(hex(PARENT))
        .addLinks(Link.newBuilder().setTraceId(hex(TRACE)).setSpanId(hex(PARENT))
            .addAttributes(attr("opentracing.ref_type", "follows_from")))
        .build());
    assertThat(s.references()).containsExactly(
        SpanRef.followsFrom(TraceId.parse(TRACE), SpanId.parse(PARENT)));
  }

  @Test
  void linkWithBadIdsIsDroppedWithAWarning() {
    Span s = decodeOne(span()
        .addLinks(Link.newBuilder().setTraceId(hex("abcd")).setSpanId(hex(SPAN)))
        .build());
    assertThat(s.references()).isEmpty();
    assertThat(s.warnings()).containsExactly(
        "links[0]: trace id of 2 bytes, span id of 8 bytes (expected: 16 and 8); link dropped");
  }

  @Test
  void allZeroParentIsNoParent() {
    Span s = decodeOne(span().setParentSpanId(hex("0000000000000000")).build());
    assertThat(s.references()).isEmpty();
  }

  @Test
  void invalidIdsRejectTheSpanNotTheRequest() {
    OtlpDecodeResult result = OtlpCodec.decode(request(
        span().setName("good").build(),
        span().setTraceId(hex("00000000000000000000000000000000")).build(),
        span().setSpanId(ByteString.EMPTY).build(),
        span().setTraceId(hex("abcd")).build(),
        span().setParentSpanId(hex("01")).build()));
    assertThat(result.spans()).extracting(Span::operationName).containsExactly("good");
    assertThat(result.rejectedSpans()).isEqualTo(4);
    assertThat(result.isComplete()).isFalse();
    assertThat(result.errorMessage()).isEqualTo(
        "resourceSpans[0].scopeSpans[0].spans[1].traceId: all zeros (expected: a non-zero id); "
            + "resourceSpans[0].scopeSpans[0].spans[2].spanId: 0 bytes (expected: 8); "
            + "resourceSpans[0].scopeSpans[0].spans[3].traceId: 2 bytes (expected: 16); and 1 more");
  }

  @Test
  void completeRequestHasNoMessage() {
    OtlpDecodeResult result = OtlpCodec.decode(request(span().build()));
    assertThat(result.isComplete()).isTrue();
    assertThat(result.errorMessage()).isEmpty();
  }

  @Test
  void malformedProtobufIsADecodeException() {
    assertThatThrownBy(() -> OtlpCodec.decodeProtobuf(new byte[] {0x0a, 0x05, 0x01}))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("OTLP protobuf: ")
        .hasMessageEndingWith("(expected: an ExportTraceServiceRequest)");
  }

  @Test
  void protobufBytesRoundTrip() {
    var request = request(span().setKind(SpanKind.SPAN_KIND_SERVER).build());
    assertThat(OtlpCodec.decodeProtobuf(request.toByteArray()).spans())
        .isEqualTo(OtlpCodec.decode(request).spans());
  }
}
