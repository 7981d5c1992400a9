package io.spoor.codec.uijson;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UiTraceWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TraceId TRACE = TraceId.of(0x1L);
  private static final Process SVC = Process.of("svc");

  static Span.Builder span(long id) {
    return Span.newBuilder().traceId(TRACE).spanId(SpanId.of(id)).operationName("op").process(SVC)
        .startTimeMicros(1_485_467_191_639_875L).durationMicros(5);
  }

  static JsonNode render(Trace trace) throws Exception {
    return MAPPER.readTree(UiTraceWriter.toJson(trace));
  }

  static JsonNode render(Span span) throws Exception {
    return render(Trace.of(List.of(span))).path("spans").get(0);
  }

  static JsonNode tagValue(KeyValue kv) throws Exception {
    return render(span(1).addTag(kv).build()).path("tags").get(0);
  }

  @Test
  void goldenFixtureMatchesJaegerUiJson() throws Exception {
    Trace trace = DomainJsonFixture.readTrace("/uimodel-json/domain_01.json");
    JsonNode expected = DomainJsonFixture.tree("/uimodel-json/ui_01.json");

    JsonNode actual = render(trace);

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void goldenFixtureMatchesByteForByteInJaegersFieldOrder() throws Exception {
    Trace trace = DomainJsonFixture.readTrace("/uimodel-json/domain_01.json");
    // Jackson keeps field order and writes these numbers as Go does, so re-serializing the fixture
    // compactly gives Jaeger's own compact bytes.
    String expected = MAPPER.writeValueAsString(DomainJsonFixture.tree("/uimodel-json/ui_01.json"));

    assertThat(UiTraceWriter.toJson(trace)).isEqualTo(expected);
  }

  @Test
  void traceIdIs16HexCharsWhenHighIsZeroElse32() throws Exception {
    Span short64 = span(0xabL).traceId(TraceId.of(0, 0xABCDEFL)).build();
    Span long128 = span(0xabL).traceId(TraceId.of(0x1L, 0x2L)).build();

    assertThat(render(Trace.of(List.of(short64))).path("traceID").asText()).isEqualTo("0000000000abcdef");
    assertThat(render(short64).path("traceID").asText()).isEqualTo("0000000000abcdef");
    assertThat(render(short64).path("spanID").asText()).isEqualTo("00000000000000ab");
    assertThat(render(Trace.of(List.of(long128))).path("traceID").asText())
        .isEqualTo("00000000000000010000000000000002");
  }

  @Test
  void flagsOmittedWhenZeroElseWrittenAsUnsignedNumber() throws Exception {
    assertThat(render(span(1).flags(0).build()).has("flags")).isFalse();
    assertThat(render(span(1).flags(1).build()).path("flags").asLong()).isEqualTo(1);
    assertThat(render(span(1).flags(3).build()).path("flags").asLong()).isEqualTo(3);
    assertThat(render(span(1).flags(-1).build()).path("flags").asLong()).isEqualTo(0xffff_ffffL);
  }

  @Test
  void fieldOrderFollowsJaegersStruct() throws Exception {
    List<String> names = new ArrayList<>();
    render(span(1).flags(1).build()).fieldNames().forEachRemaining(names::add);

    assertThat(names).containsExactly("traceID", "spanID", "flags", "operationName", "references",
        "startTime", "duration", "tags", "logs", "processID", "warnings");
  }

  @Test
  void timesAreMicrosecondsTruncatedAndNegativeDurationIsZero() throws Exception {
    Span s = span(1).startTimeNanos(1_000_999L).durationNanos(1_999L)
        .addLog(Log.of(2_000_999L, KeyValue.of("e", "x"))).build();
    JsonNode json = render(s);

    assertThat(json.path("startTime").asLong()).isEqualTo(1000);
    assertThat(json.path("duration").asLong()).isEqualTo(1);
    assertThat(json.path("logs").get(0).path("timestamp").asLong()).isEqualTo(2000);
    assertThat(render(span(1).durationNanos(-5_000).build()).path("duration").asLong()).isZero();
  }

  @Test
  void emptyListsAreArraysAndEmptyWarningsAreNull() throws Exception {
    JsonNode trace = render(Trace.of(List.of(span(1).build())));
    JsonNode json = trace.path("spans").get(0);

    assertThat(json.path("references").isArray()).isTrue();
    assertThat(json.path("references")).isEmpty();
    assertThat(json.path("tags").isArray()).isTrue();
    assertThat(json.path("logs").isArray()).isTrue();
    assertThat(json.path("warnings").isNull()).isTrue();
    assertThat(trace.path("warnings").isNull()).isTrue();
    assertThat(trace.path("processes").path("p1").path("tags").isArray()).isTrue();
  }

  @Test
  void warningsAreListsWhenPresent() throws Exception {
    Trace trace = new Trace(List.of(span(1).addWarning("w1").addWarning("w2").build()), List.of("t"));
    JsonNode json = render(trace);

    assertThat(json.path("warnings").toString()).isEqualTo("[\"t\"]");
    assertThat(json.path("spans").get(0).path("warnings").toString()).isEqualTo("[\"w1\",\"w2\"]");
  }

  @Test
  void referencesCarryTypeAndIdsOfAnyTrace() throws Exception {
    Span s = span(2)
        .addReference(SpanRef.childOf(TraceId.of(0xffL), SpanId.of(0xffL)))
        .addReference(SpanRef.followsFrom(TRACE, SpanId.of(1)))
        .build();
    JsonNode refs = render(s).path("references");

    assertThat(refs.toString()).isEqualTo(
        "[{\"refType\":\"CHILD_OF\",\"traceID\":\"00000000000000ff\",\"spanID\":\"00000000000000ff\"},"
            + "{\"refType\":\"FOLLOWS_FROM\",\"traceID\":\"0000000000000001\",\"spanID\":\"0000000000000001\"}]");
  }

  @Test
  void tagTypesAreLowerCaseWithTypedValues() throws Exception {
    assertThat(tagValue(KeyValue.of("k", "v")).toString()).isEqualTo("{\"key\":\"k\",\"type\":\"string\",\"value\":\"v\"}");
    assertThat(tagValue(KeyValue.of("k", true)).toString()).isEqualTo("{\"key\":\"k\",\"type\":\"bool\",\"value\":true}");
    assertThat(tagValue(KeyValue.of("k", 42L)).toString()).isEqualTo("{\"key\":\"k\",\"type\":\"int64\",\"value\":42}");
    assertThat(tagValue(KeyValue.of("k", 72.5)).toString()).isEqualTo("{\"key\":\"k\",\"type\":\"float64\",\"value\":72.5}");
    assertThat(tagValue(KeyValue.ofBinary("k", new byte[] {0, 0, 0x30, 0x39})).toString())
        .isEqualTo("{\"key\":\"k\",\"type\":\"binary\",\"value\":\"AAAwOQ==\"}");
  }

  @Test
  void int64BeyondJavaScriptSafeRangeIsAString() throws Exception {
    long max = (1L << 53) - 1;
    assertThat(tagValue(KeyValue.of("k", max)).path("value").isNumber()).isTrue();
    assertThat(tagValue(KeyValue.of("k", -max)).path("value").isNumber()).isTrue();
    assertThat(tagValue(KeyValue.of("k", max + 1)).path("value").asText()).isEqualTo("9007199254740992");
    assertThat(tagValue(KeyValue.of("k", max + 1)).path("value").isTextual()).isTrue();
    assertThat(tagValue(KeyValue.of("k", -max - 1)).path("value").isTextual()).isTrue();
    assertThat(tagValue(KeyValue.of("k", Long.MIN_VALUE)).path("value").asText()).isEqualTo("-9223372036854775808");
  }

  @Test
  void floatsAreWrittenAsGoDoesAndNonFiniteAsStrings() {
    Span s = span(1).addTag(KeyValue.of("a", 3.0)).addTag(KeyValue.of("b", 1e21))
        .addTag(KeyValue.of("c", 1.5e-7)).addTag(KeyValue.of("d", Double.NaN))
        .addTag(KeyValue.of("e", Double.NEGATIVE_INFINITY)).build();
    String json = UiTraceWriter.toJson(Trace.of(List.of(s)));

    assertThat(json).contains("\"key\":\"a\",\"type\":\"float64\",\"value\":3}")
        .contains("\"value\":1e+21}")
        .contains("\"value\":1.5e-7}")
        .contains("\"key\":\"d\",\"type\":\"float64\",\"value\":\"NaN\"}")
        .contains("\"value\":\"-Inf\"}");
  }

  @Test
  void equalProcessesShareAnIdAssignedInSpanOrder() throws Exception {
    Process a = Process.of("a", KeyValue.of("host", "h1"));
    Process aSame = Process.of("a", KeyValue.of("host", "h1"));
    Process aOtherTags = Process.of("a", KeyValue.of("host", "h2"));
    Process b = Process.of("b");
    Trace trace = Trace.of(List.of(
        span(1).process(b).build(), span(2).process(a).build(), span(3).process(aSame).build(),
        span(4).process(aOtherTags).build(), span(5).process(b).build()));
    JsonNode json = render(trace);

    List<String> ids = new ArrayList<>();
    json.path("spans").forEach(s -> ids.add(s.path("processID").asText()));
    assertThat(ids).containsExactly("p1", "p2", "p2", "p3", "p1");
    assertThat(json.path("processes").size()).isEqualTo(3);
    assertThat(json.path("processes").path("p1").toString()).isEqualTo("{\"serviceName\":\"b\",\"tags\":[]}");
    assertThat(json.path("processes").path("p2").toString())
        .isEqualTo("{\"serviceName\":\"a\",\"tags\":[{\"key\":\"host\",\"type\":\"string\",\"value\":\"h1\"}]}");
    assertThat(json.path("processes").path("p3").path("tags").get(0).path("value").asText()).isEqualTo("h2");
  }

  @Test
  void processKeysAreSortedAsStringsLikeGoMaps() throws Exception {
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      spans.add(span(i).process(Process.of("svc-" + i)).build());
    }
    List<String> keys = new ArrayList<>();
    render(Trace.of(spans)).path("processes").fieldNames().forEachRemaining(keys::add);

    assertThat(keys).containsExactly("p1", "p10", "p11", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9");
  }

  @Test
  void htmlSensitiveCharactersAreEscapedLikeGo() {
    Span s = span(1).operationName("<a href=\"x\">&\u2028</a>").build();

    assertThat(UiTraceWriter.toJson(Trace.of(List.of(s))))
        .contains("\"operationName\":\"\\u003Ca href=\\\"x\\\"\\u003E\\u0026\\u2028\\u003C/a\\u003E\"");
  }
}
