package io.spoor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import org.junit.jupiter.api.Test;

class TraceQueryTest {
  private final Span span = Span.newBuilder()
      .traceId(TraceId.of(1)).spanId(SpanId.of(1)).operationName("GET /")
      .process(Process.of("frontend", KeyValue.of("host", "a1")))
      .startTimeNanos(1_000).durationNanos(5_000)
      .addTag(KeyValue.of("error", true)).addTag(KeyValue.of("http.status_code", 500L))
      .addLog(Log.of(1_500, KeyValue.of("event", "retry")))
      .build();

  @Test
  void matchesTagsInSpanProcessAndLogsTyped() {
    TraceQuery q = TraceQuery.newBuilder().serviceName("frontend")
        .addTag(TagFilter.equalTo("error", "true"))
        .addTag(TagFilter.equalTo("http.status_code", "500"))
        .addTag(TagFilter.equalTo("host", "a1"))
        .addTag(TagFilter.equalTo("event", "retry"))
        .build();
    assertThat(q.matches(span)).isTrue();
    assertThat(q.toBuilder().addTag(TagFilter.equalTo("event", "other")).build().matches(span)).isFalse();
  }

  @Test
  void extendedOperators() {
    assertThat(TagFilter.exists("host").matches(span)).isTrue();
    assertThat(TagFilter.exists("nope").matches(span)).isFalse();
    assertThat(TagFilter.notEqualTo("host", "a1").matches(span)).isFalse();
    assertThat(TagFilter.notEqualTo("nope", "x").matches(span)).isTrue();
    assertThat(TagFilter.matchingRegex("http.status_code", "5..").matches(span)).isTrue();
    assertThat(TagFilter.matchingRegex("http.status_code", "5").matches(span)).isFalse();
    assertThatThrownBy(() -> TagFilter.matchingRegex("k", "(")).hasMessageContaining("is invalid");
  }

  @Test
  void durationBoundsAreInclusiveAndStartWindowApplies() {
    assertThat(TraceQuery.newBuilder().durationMinNanos(5_000).durationMaxNanos(5_000).build().matches(span)).isTrue();
    assertThat(TraceQuery.newBuilder().durationMinNanos(5_001).build().matches(span)).isFalse();
    assertThat(TraceQuery.newBuilder().startTimeMinNanos(1_001).build().matches(span)).isFalse();
    assertThat(TraceQuery.newBuilder().operationName("").build().operationName()).isNull();
  }

  @Test
  void validatesWithClearMessages() {
    assertThatThrownBy(() -> TraceQuery.newBuilder().limit(0).build()).hasMessage("limit: 0 (expected: > 0)");
    assertThatThrownBy(() -> TraceQuery.newBuilder().durationMinNanos(10).durationMaxNanos(5).build())
        .hasMessageContaining("maxDuration");
  }
}
