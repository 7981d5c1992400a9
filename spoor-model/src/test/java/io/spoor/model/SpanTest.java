package io.spoor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpanTest {
  private final TraceId trace = TraceId.of(7);

  private Span.Builder span() {
    return Span.newBuilder().traceId(trace).spanId(SpanId.of(2)).process(Process.of("svc"));
  }

  @Test
  void parentIsFirstChildOfIntoTheSameTrace() {
    Span s = span()
        .addReference(SpanRef.followsFrom(trace, SpanId.of(9)))
        .addReference(SpanRef.childOf(TraceId.of(8), SpanId.of(5)))
        .addReference(SpanRef.childOf(trace, SpanId.of(1)))
        .build();
    assertThat(s.parentSpanId()).isEqualTo(SpanId.of(1));
    assertThat(span().build().parentSpanId()).isEqualTo(SpanId.ZERO);
  }

  @Test
  void kindComesFromTheSpanKindTag() {
    assertThat(span().addTag(KeyValue.of("span.kind", "SERVER")).build().kind()).isEqualTo(SpanKind.SERVER);
    assertThat(span().build().kind()).isEqualTo(SpanKind.UNSPECIFIED);
    assertThat(span().addTag(KeyValue.of("span.kind", true)).build().kind()).isEqualTo(SpanKind.UNSPECIFIED);
  }

  @Test
  void equalityCoversEveryFieldAndCollectionsAreImmutable() {
    Span a = span().addTag(KeyValue.of("k", 1L)).addLog(Log.of(5, KeyValue.of("e", "x"))).build();
    Span b = a.toBuilder().build();
    assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(a.toBuilder().flags(1).build()).isNotEqualTo(a);
    assertThat(a.toBuilder().addTag(KeyValue.of("k", 2L)).build()).isNotEqualTo(a);
    assertThatThrownBy(() -> a.tags().add(KeyValue.of("x", "y")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void microsecondsAreDerivedFromNanos() {
    Span s = span().startTimeMicros(1_485_467_191_639_875L).durationNanos(5_999).build();
    assertThat(s.startTimeNanos()).isEqualTo(1_485_467_191_639_875_000L);
    assertThat(s.startTimeMicros()).isEqualTo(1_485_467_191_639_875L);
    assertThat(s.durationMicros()).isEqualTo(5);
  }

  @Test
  void requiredFieldsAreNamed() {
    assertThatThrownBy(() -> Span.newBuilder().spanId(SpanId.of(1)).process(Process.of("s")).build())
        .hasMessage("traceId");
    assertThatThrownBy(() -> Trace.of(List.of())).hasMessageContaining("at least one span");
  }
}
