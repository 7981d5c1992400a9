package io.spoor.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.model.ValueType;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConformanceFixturesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
  private final ConformanceFixtures fixtures = ConformanceFixtures.shiftedTo(DAY);

  @Test
  void readsExampleTraceFieldByField() {
    List<Span> spans = fixtures.trace("example_trace");
    assertThat(spans).hasSize(5);
    Span first = spans.get(0);
    assertThat(first.traceId()).isEqualTo(TraceId.of(0x11));
    assertThat(first.spanId()).isEqualTo(SpanId.of(3));
    assertThat(first.operationName()).isEqualTo("example-operation-1");
    assertThat(first.references()).isEmpty();
    assertThat(first.startTimeNanos()).isEqualTo(nanos("2026-03-01T16:46:31.639875Z"));
    assertThat(first.durationNanos()).isEqualTo(100_000);
    assertThat(first.tags()).isEmpty();
    assertThat(first.process()).isEqualTo(Process.of("example-service-1"));
    assertThat(first.logs()).containsExactly(
        new Log(first.startTimeNanos(), List.of()), new Log(first.startTimeNanos(), List.of()));
    assertThat(first.flags()).isZero();
    assertThat(first.warnings()).isEmpty();
    assertThat(spans.get(3).tags()).containsExactly(KeyValue.of("span.kind", "server"));
  }

  @Test
  void readsTypedTagsAndReferences() {
    Span span = fixtures.trace("span_tags_trace").get(0);
    assertThat(span.tags()).containsExactly(
        KeyValue.of("sameplacetag1", "sameplacevalue"),
        KeyValue.of("sameplacetag2", 123L),
        KeyValue.of("sameplacetag4", true),
        KeyValue.of("sameplacetag3", 72.5),
        KeyValue.ofBinary("blob", new byte[] {0, 0, 0x30, 0x39}));
    assertThat(span.durationNanos()).isEqualTo(7_000);
    Span withRefs = fixtures.trace("tags_opname_trace").get(0);
    assertThat(withRefs.references()).startsWith(
        SpanRef.childOf(TraceId.of(0xff), SpanId.of(0xff)), SpanRef.childOf(TraceId.of(1), SpanId.of(2)));
  }

  @Test
  void shiftsBothFixtureDaysKeepingTheTimeOfDay() {
    List<Span> spans = fixtures.trace("multi_index_trace");
    assertThat(spans).extracting(Span::startTimeNanos).containsExactly(
        nanos("2026-03-01T00:03:31.639875Z"), nanos("2026-02-28T23:56:31.639875Z"));
    LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
    assertThat(ConformanceFixtures.relativeTo(Clock.systemUTC()).day()).isEqualTo(yesterday);
  }

  @Test
  void acceptsCanonicalProto3Forms() throws Exception {
    String json = "{\"traceId\":\"AAAAAAAAAAEAAAAAAAAAAg==\",\"spanId\":\"AAAAAAAAAAM=\","
        + "\"startTime\":\"2026-03-01T10:00:00Z\",\"duration\":\"0.000005s\",\"flags\":1,"
        + "\"references\":[{\"refType\":\"FOLLOWS_FROM\",\"traceId\":\"AAAAAAAAAAEAAAAAAAAAAg==\","
        + "\"spanId\":\"AAAAAAAAAAE=\"},{\"traceId\":\"AAAAAAAAAAEAAAAAAAAAAg==\",\"spanId\":\"AAAAAAAAAAI=\"}],"
        + "\"tags\":[{\"key\":\"s\",\"vStr\":\"text\"},{\"key\":\"i\",\"vType\":\"INT64\",\"vInt64\":\"-9007199254740993\"},"
        + "{\"key\":\"b\",\"vType\":1,\"vBool\":true},{\"key\":\"f\",\"vType\":\"FLOAT64\",\"vFloat64\":\"NaN\"}],"
        + "\"process\":{\"serviceName\":\"svc\"},\"warnings\":[\"w\"]}";
    Span span = FixtureSpanParser.parseSpan(new ObjectMapper().readTree(json));
    assertThat(span.traceId()).isEqualTo(TraceId.of(1, 2));
    assertThat(span.durationNanos()).isEqualTo(5_000);
    assertThat(span.flags()).isEqualTo(1);
    assertThat(span.references()).extracting(SpanRef::type).containsExactly(RefType.FOLLOWS_FROM, RefType.CHILD_OF);
    assertThat(span.tags()).extracting(KeyValue::type)
        .containsExactly(ValueType.STRING, ValueType.INT64, ValueType.BOOL, ValueType.FLOAT64);
    assertThat(span.tags().get(1).longValue()).isEqualTo(-9007199254740993L);
    assertThat(span.tags().get(3).doubleValue()).isNaN();
    assertThat(span.process()).isEqualTo(Process.of("svc"));
    assertThat(span.logs()).isEmpty();
    assertThat(span.warnings()).containsExactly("w");
    assertThat(span.operationName()).isEmpty();
  }

  @Test
  void refusesMalformedSpansWithClearMessages() {
    assertThatThrownBy(() -> FixtureSpanParser.parseSpan(new ObjectMapper().readTree(
        "{\"traceId\":\"AAAAAAAAAAAAAAAAAAAAEQ==\",\"spanId\":\"AAAAAAAAAAM=\",\"startTime\":\"yesterday\","
            + "\"process\":{\"serviceName\":\"s\"}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("startTime: \"yesterday\" (expected: RFC 3339");
    assertThatThrownBy(() -> fixtures.trace("no_such_trace"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fixture: traces/no_such_trace.json (expected: a file under io/spoor/storage/tck/fixtures/)");
  }

  @Test
  void readsQueryCases() {
    List<FixtureQuery> cases = fixtures.queries();
    assertThat(cases).hasSize(22);
    FixtureQuery tags = cases.get(0);
    assertThat(tags.caption()).isEqualTo("Tags in one spot - Tags");
    assertThat(tags.expectedFixtures()).containsExactly("span_tags_trace");
    TraceQuery q = tags.query();
    assertThat(q.serviceName()).isEqualTo("query01-service");
    assertThat(q.operationName()).isNull();
    assertThat(q.tags()).containsExactly(
        TagFilter.equalTo("sameplacetag1", "sameplacevalue"), TagFilter.equalTo("sameplacetag2", "123"),
        TagFilter.equalTo("sameplacetag3", "72.5"), TagFilter.equalTo("sameplacetag4", "true"));
    assertThat(q.startTimeMinNanos()).isEqualTo(nanos("2026-03-01T15:46:31.639875Z"));
    assertThat(q.startTimeMaxNanos()).isEqualTo(nanos("2026-03-01T17:46:31.639875Z"));
    assertThat(q.hasDurationBounds()).isFalse();
    assertThat(q.limit()).isEqualTo(1000);

    TraceQuery maxDuration = find(cases, "Operation name + max Duration").query();
    assertThat(maxDuration.operationName()).isEqualTo("query07-operation");
    assertThat(maxDuration.durationMinNanos()).isZero();
    assertThat(maxDuration.durationMaxNanos()).isEqualTo(2_000);
    assertThat(maxDuration.tags()).isEmpty();
    TraceQuery range = find(cases, "Duration range").query();
    assertThat(range.durationMinNanos()).isEqualTo(4_500);
    assertThat(range.durationMaxNanos()).isEqualTo(5_500);
    assertThat(find(cases, "Multiple Traces").expectedFixtures())
        .containsExactly("multiple1_trace", "multiple2_trace", "multiple3_trace");
  }

  @Test
  void stringTagQueriesConvertToTheSameQueries() {
    List<FixtureQuery> typed = fixtures.queries();
    List<FixtureQuery> strings = fixtures.stringTagQueries();
    assertThat(strings).hasSameSizeAs(typed);
    for (int i = 0; i < typed.size(); i++) {
      assertThat(strings.get(i).caption()).isEqualTo(typed.get(i).caption());
      assertThat(strings.get(i).expectedFixtures()).isEqualTo(typed.get(i).expectedFixtures());
      assertThat(strings.get(i).query().toString()).isEqualTo(typed.get(i).query().toString());
    }
  }

  /** The reference semantics ({@link TraceQuery#matches}) select exactly the expected fixtures. */
  @Test
  void everyQueryMatchesExactlyItsExpectedFixtures() {
    List<FixtureQuery> cases = fixtures.queries();
    Set<String> all = new TreeSet<>();
    cases.forEach(c -> all.addAll(c.expectedFixtures()));
    for (FixtureQuery c : cases) {
      for (String name : all) {
        List<Span> spans = fixtures.trace(name);
        assertThat(spans).as(name).isNotEmpty();
        assertThat(spans.stream().anyMatch(c.query()::matches)).as("%s matches %s", name, c)
            .isEqualTo(c.expectedFixtures().contains(name));
      }
    }
  }

  private static FixtureQuery find(List<FixtureQuery> cases, String caption) {
    return cases.stream().filter(c -> c.caption().equals(caption)).findFirst().orElseThrow();
  }

  private static long nanos(String instant) {
    Instant i = Instant.parse(instant);
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }
}
