package io.spoor.client.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.propagation.TextMapAdapter;
import io.spoor.client.SpoorSpanContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PropagatorTest {
  static SpoorSpanContext extract(Propagator p, Map<String, String> headers) {
    return p.extract(new TextMapAdapter(new LinkedHashMap<>(headers)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1:2:3", "zz:1:0:1", "0:1:0:1", "1:0:0:1", "1:2:0:1ff", "123456789012345678901234567890123:1:0:1"})
  void malformedUberTraceIdYieldsNull(String value) {
    assertThat(extract(JaegerPropagator.textMap(), Map.of("uber-trace-id", value))).isNull();
  }

  @Test
  void jaegerHeadersAreCaseInsensitiveAndShortIdsAccepted() {
    SpoorSpanContext c = extract(JaegerPropagator.httpHeaders(), Map.of("Uber-Trace-Id", "abc:de:f:3",
        "UberCtx-Key", "v%20w", "jaeger-baggage", "a=1, b=2"));
    assertThat(c.traceIdLow()).isEqualTo(0xabc);
    assertThat(c.spanId()).isEqualTo(0xde);
    assertThat(c.parentId()).isEqualTo(0xf);
    assertThat(c.isSampled()).isTrue();
    assertThat(c.isDebug()).isTrue();
    assertThat(c.baggage()).containsEntry("key", "v w").containsEntry("a", "1").containsEntry("b", "2");
  }

  @Test
  void jaegerTextMapDoesNotEncodeAndHttpHeadersDo() {
    SpoorSpanContext c = SpoorSpanContext.of(0, 1, 2, 0, (byte) 1).withBaggageItem("k", "a b");
    Map<String, String> text = new LinkedHashMap<>();
    JaegerPropagator.textMap().inject(c, new TextMapAdapter(text));
    Map<String, String> http = new LinkedHashMap<>();
    JaegerPropagator.httpHeaders().inject(c, new TextMapAdapter(http));
    assertThat(text).containsExactly(Map.entry("uber-trace-id", "0000000000000001:0000000000000002:0:1"),
        Map.entry("uberctx-k", "a b"));
    assertThat(http).containsEntry("uberctx-k", "a+b");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0", // short
      "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
      "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
      "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero span id
      "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", // upper case
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra" // extra field in version 00
  })
  void malformedTraceparentYieldsNull(String value) {
    assertThat(extract(new TraceContextPropagator(), Map.of("traceparent", value))).isNull();
  }

  @Test
  void futureTraceparentVersionReadsTheKnownFields() {
    SpoorSpanContext c = extract(new TraceContextPropagator(),
        Map.of("traceparent", "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"));
    assertThat(c.toSpanId()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void b3SamplingOnlyAndBadHeadersYieldNull() {
    assertThat(extract(B3Propagator.multiHeader(), Map.of("b3", "1"))).isNull();
    assertThat(extract(B3Propagator.multiHeader(), Map.of("X-B3-TraceId", "xyz", "X-B3-SpanId", "1"))).isNull();
    SpoorSpanContext debug = extract(B3Propagator.multiHeader(),
        Map.of("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-d-05e3ac9a4f6e3b90"));
    assertThat(debug.isDebug()).isTrue();
    assertThat(debug.parentId()).isEqualTo(0x05e3ac9a4f6e3b90L);
  }

  @Test
  void compositeTakesTheFirstTraceAndMergesBaggage() {
    Propagator composite = new CompositePropagator(List.of(JaegerPropagator.httpHeaders(),
        new TraceContextPropagator(), new W3cBaggagePropagator()));
    SpoorSpanContext c = extract(composite, Map.of(
        "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "baggage", "a=1;prop,b=x%20y", "jaeger-debug-id", "dbg"));
    assertThat(c.traceIdHex32()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(c.baggage()).containsExactly(Map.entry("a", "1"), Map.entry("b", "x y"));
    assertThat(c.debugId()).isEqualTo("dbg");
    assertThat(extract(composite, Map.of("other", "x"))).isNull();
  }

  @Test
  void unknownPropagationNameIsRefusedWithTheChoices() {
    assertThatThrownBy(() -> PropagationFormat.parse("xray"))
        .hasMessage("propagation: xray (expected: jaeger, b3, b3single, w3c or baggage)");
    assertThat(PropagationFormat.parse(" B3Single ")).isEqualTo(PropagationFormat.B3_SINGLE);
  }
}
