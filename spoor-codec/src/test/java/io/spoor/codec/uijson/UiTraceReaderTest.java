package io.spoor.codec.uijson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.codec.DecodeException;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UiTraceReaderTest {
  private static String resource(String name) throws IOException {
    try (InputStream in = UiTraceReaderTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The model at the UI JSON's precision: times cut to whole microseconds. */
  private static Trace atMicros(Trace trace) {
    List<Span> spans = new ArrayList<>();
    for (Span s : trace.spans()) {
      List<Log> logs = new ArrayList<>();
      for (Log l : s.logs()) {
        logs.add(new Log(Math.floorDiv(l.timestampNanos(), 1000) * 1000, l.fields()));
      }
      spans.add(s.toBuilder().startTimeMicros(s.startTimeMicros()).durationMicros(s.durationMicros())
          .logs(logs).build());
    }
    return new Trace(spans, trace.warnings());
  }

  @Test
  void goldenUiJsonReadsBackAsTheDomainTrace() throws Exception {
    Trace expected = atMicros(DomainJsonFixture.readTrace("/uimodel-json/domain_01.json"));

    Trace actual = UiTraceReader.readTrace(resource("/uimodel-json/ui_01.json"));

    assertThat(actual.warnings()).isEqualTo(expected.warnings());
    assertThat(actual.spans()).hasSize(5);
    for (int i = 0; i < 5; i++) {
      assertThat(actual.spans().get(i)).as("span %d", i).isEqualTo(expected.spans().get(i));
    }
  }

  @Test
  void writeThenReadIsIdentityAtMicrosecondPrecision() {
    Process p1 = Process.of("front", KeyValue.of("host", "h"), KeyValue.of("n", 7L));
    Process p2 = Process.of("back", KeyValue.ofBinary("b", new byte[] {1, 2, (byte) 0xff}));
    Span root = Span.newBuilder().traceId(TraceId.of(5, 6)).spanId(SpanId.of(1)).operationName("GET /")
        .flags(3).startTimeMicros(1_700_000_000_000_001L).durationMicros(250).process(p1)
        .addTag(KeyValue.of("big", Long.MAX_VALUE)).addTag(KeyValue.of("neg", -(1L << 60)))
        .addTag(KeyValue.of("pi", 3.141592653589793)).addTag(KeyValue.of("nan", Double.NaN))
        .addTag(KeyValue.of("ok", false)).addTag(KeyValue.of("s", "<&>\u2028é"))
        .addLog(Log.of(1_700_000_000_000_002_000L, KeyValue.of("event", "x"), KeyValue.of("n", 1.0)))
        .addLog(Log.of(1_700_000_000_000_003_000L))
        .addWarning("careful").build();
    Span child = Span.newBuilder().traceId(TraceId.of(5, 6)).spanId(SpanId.of(2)).process(p2)
        .addReference(SpanRef.childOf(TraceId.of(5, 6), SpanId.of(1)))
        .addReference(SpanRef.followsFrom(TraceId.of(9), SpanId.of(9)))
        .startTimeMicros(1_700_000_000_000_010L).durationMicros(0).build();
    Trace trace = new Trace(List.of(root, child, root), List.of("trace warning"));

    Trace read = UiTraceReader.readTrace(UiTraceWriter.toJsonBytes(trace));

    assertThat(read).isEqualTo(trace);
  }

  @Test
  void processesMayComeAfterSpansAndSpansMayEmbedTheirProcess() {
    String json = "{\"spans\":["
        + "{\"traceID\":\"a\",\"spanID\":\"1\",\"processID\":\"p1\",\"startTime\":5,\"duration\":2},"
        + "{\"traceID\":\"a\",\"spanID\":\"2\",\"process\":{\"serviceName\":\"inline\"}}],"
        + "\"processes\":{\"p1\":{\"serviceName\":\"svc\",\"tags\":[{\"key\":\"k\",\"type\":\"string\",\"value\":\"v\"}]}},"
        + "\"unknown\":{\"x\":[1,2]}}";

    Trace trace = UiTraceReader.readTrace(json);

    Span first = trace.spans().get(0);
    assertThat(first.traceId()).isEqualTo(TraceId.of(0xa));
    assertThat(first.process()).isEqualTo(Process.of("svc", KeyValue.of("k", "v")));
    assertThat(first.startTimeNanos()).isEqualTo(5000);
    assertThat(first.durationNanos()).isEqualTo(2000);
    assertThat(first.operationName()).isEmpty();
    assertThat(trace.spans().get(1).process()).isEqualTo(Process.of("inline"));
    assertThat(trace.warnings()).isEmpty();
  }

  @Test
  void spanWithoutTraceIdTakesTheTracesAndParentSpanIdBecomesAReference() {
    String json = "{\"traceID\":\"00000000000000010000000000000002\",\"spans\":["
        + "{\"spanID\":\"3\",\"parentSpanID\":\"2\",\"process\":{\"serviceName\":\"s\"}},"
        + "{\"spanID\":\"4\",\"parentSpanID\":\"2\",\"references\":[{\"refType\":\"CHILD_OF\",\"spanID\":\"2\"}],"
        + "\"process\":{\"serviceName\":\"s\"}}]}";

    Trace trace = UiTraceReader.readTrace(json);

    TraceId id = TraceId.of(1, 2);
    assertThat(trace.spans().get(0).traceId()).isEqualTo(id);
    assertThat(trace.spans().get(0).references()).containsExactly(SpanRef.childOf(id, SpanId.of(2)));
    assertThat(trace.spans().get(1).references()).containsExactly(SpanRef.childOf(id, SpanId.of(2)));
  }

  @Test
  void tagValuesMayBeStringsAndTypeMayBeMissing() {
    String json = "{\"traceID\":\"1\",\"spans\":[{\"spanID\":\"1\",\"process\":{\"serviceName\":\"s\"},\"tags\":["
        + "{\"value\":\"42\",\"type\":\"int64\",\"key\":\"i\"},"
        + "{\"key\":\"f\",\"type\":\"float64\",\"value\":\"+Inf\"},"
        + "{\"key\":\"b\",\"type\":\"bool\",\"value\":\"true\"},"
        + "{\"key\":\"F\",\"type\":\"float64\",\"value\":2},"
        + "{\"key\":\"n\",\"value\":12},{\"key\":\"d\",\"value\":1.5},{\"key\":\"t\",\"value\":false},"
        + "{\"key\":\"s\",\"value\":\"x\"}]}]}";

    List<KeyValue> tags = UiTraceReader.readTrace(json).spans().get(0).tags();

    assertThat(tags).containsExactly(KeyValue.of("i", 42L), KeyValue.of("f", Double.POSITIVE_INFINITY),
        KeyValue.of("b", true), KeyValue.of("F", 2.0), KeyValue.of("n", 12L), KeyValue.of("d", 1.5),
        KeyValue.of("t", false), KeyValue.of("s", "x"));
  }

  @Test
  void readsTracesFromAnEnvelopeAnArrayOrOneObject() {
    String trace = "{\"traceID\":\"1\",\"spans\":[{\"spanID\":\"1\",\"process\":{\"serviceName\":\"s\"}}]}";

    assertThat(UiTraceReader.readTraces("{\"data\":[" + trace + "," + trace + "],\"total\":0,\"errors\":null}"))
        .hasSize(2);
    assertThat(UiTraceReader.readTraces("{\"data\":null,\"errors\":[{\"code\":404,\"msg\":\"x\"}]}")).isEmpty();
    assertThat(UiTraceReader.readTraces("[" + trace + "]")).hasSize(1);
    assertThat(UiTraceReader.readTraces(trace).get(0).spans().get(0).serviceName()).isEqualTo("s");
  }

  @Test
  void malformedInputNamesThePathAndTheExpectation() {
    String head = "{\"traceID\":\"1\",\"spans\":[{\"spanID\":\"1\",\"process\":{\"serviceName\":\"s\"}},";

    assertThatThrownBy(() -> UiTraceReader.readTrace(head + "{\"spanID\":\"xyz\"}]}"))
        .isInstanceOf(DecodeException.class)
        .hasMessage("UI JSON: spans[1].spanID: \"xyz\" (expected: 1 to 16 hex digits)");
    assertThatThrownBy(() -> UiTraceReader.readTrace(head + "{\"spanID\":\"2\",\"processID\":\"p9\"}],\"processes\":{}}"))
        .isInstanceOf(DecodeException.class)
        .hasMessage("UI JSON: spans[1].processID: \"p9\" (expected: a key of the trace's processes [])");
    assertThatThrownBy(() -> UiTraceReader.readTrace(
        head + "{\"spanID\":\"2\",\"process\":{\"serviceName\":\"s\"},\"tags\":[{\"key\":\"k\",\"type\":\"int64\",\"value\":\"x\"}]}]}"))
        .isInstanceOf(DecodeException.class)
        .hasMessage("UI JSON: spans[1].tags[0].value: \"x\" (expected: an int64)");
    assertThatThrownBy(() -> UiTraceReader.readTrace(head + "{\"spanID\":\"2\",\"startTime\":1.5}]}"))
        .isInstanceOf(DecodeException.class)
        .hasMessage("UI JSON: spans[1].startTime: 1.5 (expected: an integer)");
    assertThatThrownBy(() -> UiTraceReader.readTrace("{\"traceID\":\"1\",\"spans\":[]}"))
        .isInstanceOf(DecodeException.class)
        .hasMessage("UI JSON: spans: [] (expected: at least one span)");
    assertThatThrownBy(() -> UiTraceReader.readTrace("{\"spans\":[{\"spanID\":\"1\",\"process\":{\"serviceName\":\"s\"}}]}"))
        .isInstanceOf(DecodeException.class)
        .hasMessage("UI JSON: spans[0].traceID: missing (expected: a trace id on the span or the trace)");
    assertThatThrownBy(() -> UiTraceReader.readTrace("{\"traceID\":\"1\",\"spans\":[}"))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("UI JSON: ");
    assertThatThrownBy(() -> UiTraceReader.readTrace(head.substring(0, head.length() - 1) + "]} {}"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("expected: the end of the input after the trace");
    assertThatThrownBy(() -> UiTraceReader.readTrace(head.substring(0, head.length() - 1) + "]} x"))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("UI JSON: ");
    assertThatThrownBy(() -> UiTraceReader.readTraces("{\"data\":[{\"traceID\":\"1\",\"spans\":[{]}]}"))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("UI JSON: ");
  }
}
