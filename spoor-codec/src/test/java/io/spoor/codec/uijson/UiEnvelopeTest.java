package io.spoor.codec.uijson;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.DependencyLink;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.util.List;
import org.junit.jupiter.api.Test;

class UiEnvelopeTest {
  private static final UiJson.Layout COMPACT = UiJson.Layout.COMPACT;

  @Test
  void successEnvelopeHasNullErrorsAndZeroLimitOffset() {
    UiEnvelope envelope = UiEnvelope.of(JsonWritable.strings(List.of("a", "b")), 2);

    assertThat(envelope.toJson(COMPACT))
        .isEqualTo("{\"data\":[\"a\",\"b\"],\"total\":2,\"limit\":0,\"offset\":0,\"errors\":null}");
  }

  @Test
  void errorEnvelopeIsJaegersExactBody() {
    assertThat(UiEnvelope.error(400, "parameter 'service' is required").toJson(COMPACT)).isEqualTo(
        "{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,"
            + "\"errors\":[{\"code\":400,\"msg\":\"parameter 'service' is required\"}]}");
  }

  @Test
  void errorCodeOmittedWhenZeroAndTraceIdOmittedWhenEmpty() {
    UiEnvelope envelope = UiEnvelope.withErrors(JsonWritable.strings(List.of()), 0, List.of(
        ApiError.traceNotFound(TraceId.of(0xabc)), new ApiError(500, "boom", "")));

    assertThat(envelope.toJson(COMPACT)).isEqualTo("{\"data\":[],\"total\":0,\"limit\":0,\"offset\":0,"
        + "\"errors\":[{\"msg\":\"trace not found\",\"traceID\":\"0000000000000abc\"},{\"code\":500,\"msg\":\"boom\"}]}");
  }

  @Test
  void emptyErrorListIsWrittenAsEmptyArray() {
    UiEnvelope envelope = UiEnvelope.withErrors(JsonWritable.strings(List.of()), 0, List.of());

    assertThat(envelope.toJson(COMPACT)).endsWith("\"errors\":[]}");
  }

  @Test
  void dataMayBeTracesOrAlreadyRenderedJson() {
    Trace trace = Trace.of(List.of(Span.newBuilder().traceId(TraceId.of(1)).spanId(SpanId.of(2))
        .process(Process.of("s")).build()));
    String rendered = UiTraceWriter.toJson(trace);

    String viaModel = UiEnvelope.of(JsonWritable.traces(List.of(trace)), 0).toJson(COMPACT);
    String viaRaw = UiEnvelope.of(JsonWritable.rawValues(List.of(rendered, "{\"x\":1}")), 0).toJson(COMPACT);

    assertThat(viaModel).isEqualTo("{\"data\":[" + rendered + "],\"total\":0,\"limit\":0,\"offset\":0,\"errors\":null}");
    assertThat(viaRaw).startsWith("{\"data\":[" + rendered + ",{\"x\":1}],\"total\":0");
  }

  @Test
  void dependenciesAreParentChildCallCount() {
    UiEnvelope envelope = UiEnvelope.of(
        JsonWritable.dependencies(List.of(new DependencyLink("a", "b", 3, "spans"))), 0);

    assertThat(envelope.toJson(COMPACT))
        .startsWith("{\"data\":[{\"parent\":\"a\",\"child\":\"b\",\"callCount\":3}],");
  }

  @Test
  void indentedLayoutMatchesGoMarshalIndentWithFourSpaces() {
    String expected = String.join("\n",
        "{",
        "    \"data\": null,",
        "    \"total\": 0,",
        "    \"limit\": 0,",
        "    \"offset\": 0,",
        "    \"errors\": [",
        "        {",
        "            \"code\": 404,",
        "            \"msg\": \"trace not found\"",
        "        }",
        "    ]",
        "}");

    assertThat(UiEnvelope.error(404, "trace not found").toJson(UiJson.Layout.INDENTED)).isEqualTo(expected);
    assertThat(UiEnvelope.of(JsonWritable.strings(List.of()), 0).toJson(UiJson.Layout.INDENTED))
        .contains("\"data\": [],");
  }
}
