package io.spoor.codec.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.spoor.codec.DecodeException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The OTLP/HTTP JSON encoding: our reader and writer. */
class OtlpJsonTest {
  private static final String TRACE = OtlpProtos.TRACE;
  private static final String SPAN = OtlpProtos.SPAN;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String spanJson(String fields) {
    return "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{" + fields + "}]}]}]}";
  }

  private static Span onlySpan(ExportTraceServiceRequest r) {
    return r.getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  private static ExportTraceServiceRequest richRequest() {
    Span span = OtlpProtos.span()
        .setParentSpanId(OtlpProtos.hex(OtlpProtos.PARENT))
        .setTraceState("a=b")
        .setFlags(0x301)
        .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
        .setStartTimeUnixNano(-1L) // 2^64 - 1: fixed64 is unsigned
        .addAttributes(OtlpProtos.attr("s", "x\"y"))
        .addAttributes(OtlpProtos.attr("i", AnyValue.newBuilder().setIntValue(-9).build()))
        .addAttributes(OtlpProtos.attr("d", AnyValue.newBuilder().setDoubleValue(Double.NaN).build()))
        .addAttributes(OtlpProtos.attr("b", AnyValue.newBuilder().setBoolValue(true).build()))
        .addAttributes(OtlpProtos.attr("bytes", AnyValue.newBuilder()
            .setBytesValue(ByteString.copyFrom(new byte[] {(byte) 0xfb, (byte) 0xff})).build()))
        .addAttributes(OtlpProtos.attr("arr", AnyValue.newBuilder().setArrayValue(ArrayValue
            .newBuilder().addValues(AnyValue.newBuilder().setDoubleValue(1.5))).build()))
        .addAttributes(OtlpProtos.attr("kv", AnyValue.newBuilder().setKvlistValue(KeyValueList
            .newBuilder().addValues(OtlpProtos.attr("inner", "v"))).build()))
        .addAttributes(OtlpProtos.attr("empty", AnyValue.getDefaultInstance()))
        .setDroppedAttributesCount(7)
        .addEvents(Span.Event.newBuilder().setTimeUnixNano(3).setName("e")
            .addAttributes(OtlpProtos.attr("k", "v")).setDroppedAttributesCount(1))
        .setDroppedEventsCount(2)
        .addLinks(Span.Link.newBuilder().setTraceId(OtlpProtos.hex(TRACE))
            .setSpanId(OtlpProtos.hex("0000000000000009")).setTraceState("t=1").setFlags(1)
            .setDroppedAttributesCount(4))
        .setDroppedLinksCount(3)
        .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("m"))
        .build();
    return OtlpProtos.request(
        Resource.newBuilder().addAttributes(OtlpProtos.attr("service.name", "svc"))
            .setDroppedAttributesCount(1).build(),
        InstrumentationScope.newBuilder().setName("lib").setVersion("1")
            .addAttributes(OtlpProtos.attr("sa", "sv")).setDroppedAttributesCount(2).build(),
        span);
  }

  @Test
  void writerUsesOtlpJsonConventions() {
    String json = new String(OtlpCodec.toJson(richRequest()), StandardCharsets.UTF_8);
    assertThat(json)
        .startsWith("{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\","
            + "\"value\":{\"stringValue\":\"svc\"}}],\"droppedAttributesCount\":1},\"scopeSpans\"")
        .contains("\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + SPAN + "\"")
        .contains("\"parentSpanId\":\"" + OtlpProtos.PARENT + "\"")
        .contains("\"flags\":769", "\"kind\":3", "\"code\":2")
        .contains("\"startTimeUnixNano\":\"18446744073709551615\"")
        .contains("\"intValue\":\"-9\"", "\"doubleValue\":\"NaN\"", "\"bytesValue\":\"+/8=\"")
        .contains("{\"key\":\"empty\",\"value\":{}}")
        .doesNotContain("schemaUrl", "_");
  }

  @Test
  void writerOutputReadsBackToTheSameMessage() {
    ExportTraceServiceRequest request = richRequest();
    assertThat(OtlpCodec.parseJson(OtlpCodec.toJson(request))).isEqualTo(request);
    assertThat(OtlpCodec.decodeJson(new ByteArrayInputStream(OtlpCodec.toJson(request))).spans())
        .isEqualTo(OtlpCodec.decode(request).spans());
  }

  @Test
  void readerAcceptsSnakeCaseEnumNamesAndNumbersEitherWay() {
    String json = "{\"resource_spans\":[{\"scope_spans\":[{\"spans\":[{"
        + "\"trace_id\":\"" + TRACE.toUpperCase() + "\",\"span_id\":\"" + SPAN + "\","
        + "\"kind\":\"SPAN_KIND_SERVER\",\"start_time_unix_nano\":1000,"
        + "\"end_time_unix_nano\":\"2000\",\"flags\":\"1\","
        + "\"attributes\":[{\"key\":\"i\",\"value\":{\"int_value\":5}},"
        + "{\"key\":\"d\",\"value\":{\"doubleValue\":\"2.5\"}},"
        + "{\"key\":\"e\",\"value\":{\"doubleValue\":1e3}}],"
        + "\"status\":{\"code\":\"STATUS_CODE_OK\"}}]}]}]}";
    Span span = onlySpan(OtlpCodec.parseJson(utf8(json)));
    assertThat(span.getTraceId()).isEqualTo(OtlpProtos.hex(TRACE));
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1000);
    assertThat(span.getEndTimeUnixNano()).isEqualTo(2000);
    assertThat(span.getFlags()).isEqualTo(1);
    assertThat(span.getAttributes(0).getValue().getIntValue()).isEqualTo(5);
    assertThat(span.getAttributes(1).getValue().getDoubleValue()).isEqualTo(2.5);
    assertThat(span.getAttributes(2).getValue().getDoubleValue()).isEqualTo(1000.0);
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
  }

  @Test
  void readerIgnoresUnknownFieldsAndNulls() {
    String json = "{\"unknown\":{\"deep\":[1,2,{\"x\":null}]},\"resourceSpans\":[{"
        + "\"resource\":null,\"schemaUrl\":\"https://x\",\"scopeSpans\":[{\"scope\":{\"name\":\"n\","
        + "\"future\":true},\"spans\":[{\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + SPAN + "\","
        + "\"name\":null,\"newField\":[{}],\"kind\":2}]}]}]}";
    ExportTraceServiceRequest r = OtlpCodec.parseJson(utf8(json));
    assertThat(r.getResourceSpans(0).getSchemaUrl()).isEqualTo("https://x");
    assertThat(r.getResourceSpans(0).getScopeSpans(0).getScope().getName()).isEqualTo("n");
    assertThat(onlySpan(r).getName()).isEmpty();
    assertThat(onlySpan(r).getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
  }

  @Test
  void emptyIdsAreRejectedSpansNotErrors() {
    OtlpDecodeResult result = OtlpCodec.decodeJson(utf8(spanJson("\"traceId\":\"\",\"spanId\":\""
        + SPAN + "\"")));
    assertThat(result.spans()).isEmpty();
    assertThat(result.rejectedSpans()).isEqualTo(1);
    assertThat(result.errorMessage())
        .isEqualTo("resourceSpans[0].scopeSpans[0].spans[0].traceId: 0 bytes (expected: 16)");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "\"traceId\":\"zz\""
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].traceId: \"zz\" (expected: 32 hex digits)",
      "\"traceId\":\"" + "0123456789abcdef0123456789abcdeg\""
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].traceId: "
          + "\"0123456789abcdef0123456789abcdeg\" (expected: 32 hex digits)",
      "\"spanId\":17"
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].spanId: 17 (expected: a string)",
      "\"kind\":\"SERVER\""
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].kind: \"SERVER\" (expected: a span "
          + "kind, as an integer or its enum name)",
      "\"startTimeUnixNano\":\"soon\""
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: \"soon\" "
          + "(expected: an unsigned 64-bit integer)",
      "\"droppedLinksCount\":-1"
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].droppedLinksCount: -1 (expected: an "
          + "unsigned 32-bit integer)",
      "\"attributes\":{}"
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].attributes: an object (expected: an "
          + "array)",
      "\"attributes\":[{\"key\":\"k\",\"value\":{\"intValue\":1.5}}]"
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.intValue: 1.5 "
          + "(expected: a 64-bit integer)",
      "\"attributes\":[{\"key\":\"k\",\"value\":{\"boolValue\":\"yes\"}}]"
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.boolValue: "
          + "\"yes\" (expected: true or false)",
      "\"attributes\":[{\"key\":\"k\",\"value\":{\"bytesValue\":\"***\"}}]"
          + "| OTLP JSON: resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.bytesValue: "
          + "\"***\" (expected: base64)"})
  void malformedValuesNameTheirPath(String fields, String message) {
    assertThatThrownBy(() -> OtlpCodec.decodeJson(utf8(spanJson(fields))))
        .isInstanceOf(DecodeException.class)
        .hasMessage(message);
  }

  @Test
  void malformedJsonIsADecodeException() {
    assertThatThrownBy(() -> OtlpCodec.decodeJson(utf8("{\"resourceSpans\":[")))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("OTLP JSON: malformed JSON: ");
    assertThatThrownBy(() -> OtlpCodec.decodeJson(utf8("")))
        .isInstanceOf(DecodeException.class)
        .hasMessage("OTLP JSON: empty body (expected: a JSON object)");
    assertThatThrownBy(() -> OtlpCodec.decodeJson(utf8("[]")))
        .isInstanceOf(DecodeException.class)
        .hasMessage("OTLP JSON: an array (expected: an object)");
    assertThatThrownBy(() -> OtlpCodec.decodeJson(utf8("{} {}")))
        .isInstanceOf(DecodeException.class)
        .hasMessage("OTLP JSON: unexpected content after the top-level object");
  }
}
