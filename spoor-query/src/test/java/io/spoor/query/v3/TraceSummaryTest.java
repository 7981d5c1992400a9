package io.spoor.query.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceSummaryTest {
  static final TraceId ID = TraceId.of(7, 9);

  static Span.Builder span(long id, String service, String op, long start, long duration) {
    return Span.newBuilder().traceId(ID).spanId(SpanId.of(id)).operationName(op).process(Process.of(service))
        .startTimeNanos(start).durationNanos(duration);
  }

  @Test
  void rootIsTheEarliestSpanWithoutParent() {
    Span late = span(1, "b", "late-root", 300, 10).build();
    Span early = span(2, "a", "early-root", 200, 500).build();
    Span child = span(3, "a", "child", 100, 50).addReference(SpanRef.childOf(ID, SpanId.of(2))).build();
    TraceSummary s = TraceSummary.of(Trace.of(List.of(late, early, child)));
    assertThat(s.traceId()).isEqualTo(ID);
    assertThat(s.rootServiceName()).isEqualTo("a");
    assertThat(s.rootOperationName()).isEqualTo("early-root");
    assertThat(s.minStartTimeNanos()).isEqualTo(100);
    assertThat(s.maxEndTimeNanos()).isEqualTo(700);
    assertThat(s.spanCount()).isEqualTo(3);
    assertThat(s.orphanSpanCount()).isZero();
    assertThat(s.services()).containsExactly(new TraceSummary.ServiceSummary("a", 2, 0),
        new TraceSummary.ServiceSummary("b", 1, 0));
  }

  @Test
  void withoutARootTheEarliestOrphanStandsIn() {
    Span orphanLate = span(1, "x", "o1", 50, 1).addReference(SpanRef.childOf(ID, SpanId.of(90))).build();
    Span orphanEarly = span(2, "y", "o2", 40, 1).addReference(SpanRef.childOf(ID, SpanId.of(91))).build();
    Span child = span(3, "z", "c", 10, 1).addReference(SpanRef.childOf(ID, SpanId.of(1))).build();
    TraceSummary s = TraceSummary.of(Trace.of(List.of(orphanLate, orphanEarly, child)));
    assertThat(s.rootOperationName()).isEqualTo("o2");
    assertThat(s.rootServiceName()).isEqualTo("y");
    assertThat(s.orphanSpanCount()).isEqualTo(2);
  }

  @Test
  void errorsAreTheTagsJaegerMapsTheErrorStatusTo() {
    Span boolError = span(1, "s", "a", 1, 1).addTag(KeyValue.of("error", true)).build();
    Span stringError = span(2, "s", "b", 2, 1).addTag(KeyValue.of("error", "true")).build();
    Span otelError = span(3, "t", "c", 3, 1).addTag(KeyValue.of("otel.status_code", "ERROR")).build();
    Span notError = span(4, "t", "d", 4, 1).addTag(KeyValue.of("error", false))
        .addTag(KeyValue.of("otel.status_code", "OK")).build();
    TraceSummary s = TraceSummary.of(Trace.of(List.of(boolError, stringError, otelError, notError)));
    assertThat(s.errorSpanCount()).isEqualTo(3);
    assertThat(s.services()).containsExactly(new TraceSummary.ServiceSummary("s", 2, 2),
        new TraceSummary.ServiceSummary("t", 2, 1));
  }
}
