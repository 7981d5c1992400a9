package io.spoor.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Capability;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@link io.spoor.storage.SpanReader#findTraces} matches and how it orders and limits: one span
 * must satisfy every criterion; tags are found in span tags, process tags and log fields and compare
 * as text; time and duration bounds are inclusive; traces come newest first and {@code limit}
 * counts traces. Optional abilities ({@link Capability#SEARCH_WITHOUT_SERVICE}, {@link
 * Capability#EXTENDED_TAG_OPERATORS}) are skipped when not declared.
 */
public abstract class AbstractTraceSearchTest extends AbstractStorageTest {
  private static final long MICROS = 1_000L;
  private static final long MINUTE_NANOS = 60_000_000_000L;

  /** A start time an hour ago, in whole microseconds as every store keeps it. */
  private final long now = toNanos(Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(3600));

  @Test
  void tagsAreFoundInSpanTagsProcessTagsAndLogFields() {
    Span span = span(1, 1, "spots-service", "op", now, 5 * MICROS)
        .addTag(KeyValue.of("span.tag", "a"))
        .process(Process.of("spots-service", KeyValue.of("process.tag", "b")))
        .addLog(Log.of(now + MICROS, KeyValue.of("log.field", "c")))
        .build();
    write(List.of(span));
    TraceQuery.Builder query = TraceQuery.newBuilder().serviceName("spots-service");
    eventually(() -> assertFound(query.build(), TraceId.of(1)));
    assertFound(query(query, TagFilter.equalTo("span.tag", "a")), TraceId.of(1));
    assertFound(query(query, TagFilter.equalTo("process.tag", "b")), TraceId.of(1));
    assertFound(query(query, TagFilter.equalTo("log.field", "c")), TraceId.of(1));
    assertFound(query(query, TagFilter.equalTo("span.tag", "a"), TagFilter.equalTo("process.tag", "b"),
        TagFilter.equalTo("log.field", "c")), TraceId.of(1));
    assertFound(query(query, TagFilter.equalTo("span.tag", "b")));
    assertFound(query(query, TagFilter.equalTo("span.tag", "a"), TagFilter.equalTo("log.field", "x")));
  }

  @Test
  void typedTagValuesCompareAsText() {
    Span span = span(2, 1, "typed-service", "op", now, 5 * MICROS)
        .addTag(KeyValue.of("error", true))
        .addTag(KeyValue.of("http.status_code", 500L))
        .addTag(KeyValue.of("ratio", 72.5))
        .addTag(KeyValue.ofBinary("blob", new byte[] {0, 0, 0x30, 0x39}))
        .build();
    write(List.of(span));
    TraceQuery.Builder query = TraceQuery.newBuilder().serviceName("typed-service");
    eventually(() -> assertFound(query(query, TagFilter.equalTo("error", "true")), TraceId.of(2)));
    assertFound(query(query, TagFilter.equalTo("http.status_code", "500")), TraceId.of(2));
    assertFound(query(query, TagFilter.equalTo("ratio", "72.5")), TraceId.of(2));
    assertFound(query(query, TagFilter.equalTo("blob", "00003039")), TraceId.of(2));
    assertFound(query(query, TagFilter.equalTo("error", "false")));
    assertFound(query(query, TagFilter.equalTo("http.status_code", "501")));
  }

  @Test
  void oneSpanMustSatisfyEveryCriterionAndTheWholeTraceIsReturned() {
    Span a = span(3, 1, "combo-service", "a", now, 10 * MICROS).addTag(KeyValue.of("x", "1")).build();
    Span b = span(3, 2, "combo-service", "b", now, 100 * MICROS).addTag(KeyValue.of("y", "2")).build();
    Span other = span(3, 3, "other-service", "a", now, 10 * MICROS).addTag(KeyValue.of("y", "2")).build();
    write(List.of(a, b, other));
    TraceQuery.Builder query = TraceQuery.newBuilder().serviceName("combo-service");
    eventually(() -> {
      List<Trace> found = reader().findTraces(query(query.operationName("a"), TagFilter.equalTo("x", "1")));
      assertThat(found).hasSize(1);
      SpanAssertions.assertSpans("trace 3", found.get(0).spans(), List.of(a, b, other));
    });
    assertFound(query(query.operationName("a"), TagFilter.equalTo("y", "2")));
    query.tags(List.of());
    assertFound(query.operationName("b").durationMinNanos(50 * MICROS).durationMaxNanos(150 * MICROS).build(),
        TraceId.of(3));
    assertFound(query.operationName("a").build());
    assertFound(query.operationName("a").durationMinNanos(0).durationMaxNanos(10 * MICROS).build(),
        TraceId.of(3));
  }

  @Test
  void theMatchingSpanMustBelongToTheService() {
    Span front = span(4, 1, "front-service", "op", now, 5 * MICROS).addTag(KeyValue.of("k", "v")).build();
    Span back = span(4, 2, "back-service", "op", now, 5 * MICROS).build();
    write(List.of(front, back));
    eventually(() -> assertFound(
        query(TraceQuery.newBuilder().serviceName("front-service"), TagFilter.equalTo("k", "v")), TraceId.of(4)));
    assertFound(query(TraceQuery.newBuilder().serviceName("back-service"), TagFilter.equalTo("k", "v")));
    assertFound(TraceQuery.newBuilder().serviceName("no-such-service").build());
  }

  @Test
  void startTimeBoundsAreInclusive() {
    write(List.of(span(5, 1, "time-service", "op", now, 5 * MICROS).build()));
    TraceQuery.Builder query = TraceQuery.newBuilder().serviceName("time-service");
    eventually(() -> assertFound(query.startTimeMinNanos(now).startTimeMaxNanos(now).build(), TraceId.of(5)));
    assertFound(query.startTimeMinNanos(now - MINUTE_NANOS).startTimeMaxNanos(now + MINUTE_NANOS).build(),
        TraceId.of(5));
    assertFound(query.startTimeMinNanos(now + MICROS).startTimeMaxNanos(now + MINUTE_NANOS).build());
    assertFound(query.startTimeMinNanos(now - MINUTE_NANOS).startTimeMaxNanos(now - MICROS).build());
  }

  @Test
  void durationBoundsAreInclusive() {
    write(List.of(span(6, 1, "duration-service", "op", now, 5 * MICROS).build()));
    TraceQuery.Builder query = TraceQuery.newBuilder().serviceName("duration-service");
    eventually(() -> assertFound(query.durationMinNanos(5 * MICROS).durationMaxNanos(5 * MICROS).build(),
        TraceId.of(6)));
    assertFound(query.durationMinNanos(5 * MICROS + 1).durationMaxNanos(Long.MAX_VALUE).build());
    assertFound(query.durationMinNanos(0).durationMaxNanos(5 * MICROS - 1).build());
  }

  @Test
  void tracesComeNewestFirst() {
    write(List.of(
        span(0x71, 1, "order-service", "op", now - 3 * MINUTE_NANOS, MICROS).build(),
        span(0x72, 1, "order-service", "op", now, MICROS).build()));
    write(List.of(
        span(0x73, 1, "order-service", "op", now - 2 * MINUTE_NANOS, MICROS).build(),
        span(0x74, 1, "order-service", "op", now - MINUTE_NANOS, MICROS).build()));
    TraceQuery query = TraceQuery.newBuilder().serviceName("order-service").build();
    List<TraceId> newestFirst = List.of(TraceId.of(0x72), TraceId.of(0x74), TraceId.of(0x73), TraceId.of(0x71));
    eventually(() -> assertThat(reader().findTraces(query)).extracting(Trace::traceId)
        .containsExactlyElementsOf(newestFirst));
    assertThat(reader().findTraceIds(query)).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void limitCountsTracesNotSpans() {
    List<Span> spans = new ArrayList<>();
    for (int t = 1; t <= 5; t++) {
      for (int s = 1; s <= 3; s++) {
        spans.add(span(0x80 + t, s, "limit-service", "op", now + t * MINUTE_NANOS + s * MICROS, MICROS).build());
      }
    }
    write(spans);
    TraceQuery all = TraceQuery.newBuilder().serviceName("limit-service").build();
    eventually(() -> assertThat(reader().findTraces(all)).hasSize(5));
    TraceQuery two = all.toBuilder().limit(2).build();
    List<Trace> found = reader().findTraces(two);
    assertThat(found).extracting(Trace::traceId).containsExactly(TraceId.of(0x85), TraceId.of(0x84));
    assertThat(found).allSatisfy(trace -> assertThat(trace.spans()).hasSize(3));
    assertThat(reader().findTraceIds(two)).containsExactly(TraceId.of(0x85), TraceId.of(0x84));
  }

  @Test
  void searchWithoutService() {
    assumeCapability(Capability.SEARCH_WITHOUT_SERVICE, "a query without a service name");
    write(List.of(
        span(0x91, 1, "any-service-1", "op", now, MICROS).addTag(KeyValue.of("shared", "yes")).build(),
        span(0x92, 1, "any-service-2", "op", now - MINUTE_NANOS, MICROS).addTag(KeyValue.of("shared", "yes")).build(),
        span(0x93, 1, "any-service-3", "op", now, MICROS).addTag(KeyValue.of("shared", "no")).build()));
    TraceQuery query = query(TraceQuery.newBuilder(), TagFilter.equalTo("shared", "yes"));
    eventually(() -> assertThat(reader().findTraces(query)).extracting(Trace::traceId)
        .containsExactly(TraceId.of(0x91), TraceId.of(0x92)));
    assertThat(reader().findTraces(TraceQuery.newBuilder().build())).hasSize(3);
  }

  @Test
  void extendedTagOperators() {
    assumeCapability(Capability.EXTENDED_TAG_OPERATORS, "tag filters !=, exists and =~ (regex)");
    write(List.of(
        span(0xa1, 1, "ext-service", "op", now, MICROS).addTag(KeyValue.of("env", "prod")).build(),
        span(0xa2, 1, "ext-service", "op", now - MINUTE_NANOS, MICROS).addTag(KeyValue.of("env", "dev")).build(),
        span(0xa3, 1, "ext-service", "op", now - 2 * MINUTE_NANOS, MICROS).build()));
    TraceQuery.Builder query = TraceQuery.newBuilder().serviceName("ext-service");
    eventually(() -> assertFound(query(query, TagFilter.notEqualTo("env", "prod")),
        TraceId.of(0xa2), TraceId.of(0xa3)));
    assertFound(query(query, TagFilter.exists("env")), TraceId.of(0xa1), TraceId.of(0xa2));
    assertFound(query(query, TagFilter.matchingRegex("env", "p.*")), TraceId.of(0xa1));
    assertFound(query(query, TagFilter.matchingRegex("env", "pro")));
    assertFound(query(query, TagFilter.exists("env"), TagFilter.notEqualTo("env", "dev")), TraceId.of(0xa1));
  }

  /** {@code findTraces} and {@code findTraceIds} both return exactly these traces, in this order. */
  private void assertFound(TraceQuery query, TraceId... newestFirst) {
    assertThat(reader().findTraces(query)).as("findTraces(%s)", query).extracting(Trace::traceId)
        .containsExactly(newestFirst);
    assertThat(reader().findTraceIds(query)).as("findTraceIds(%s)", query).containsExactly(newestFirst);
  }

  private static TraceQuery query(TraceQuery.Builder base, TagFilter... tags) {
    return base.tags(List.of(tags)).build();
  }

  private static Span.Builder span(long traceId, long spanId, String service, String operation,
      long startNanos, long durationNanos) {
    return Span.newBuilder()
        .traceId(TraceId.of(traceId))
        .spanId(SpanId.of(spanId))
        .operationName(operation)
        .process(Process.of(service))
        .startTimeNanos(startNanos)
        .durationNanos(durationNanos);
  }

  private static long toNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
