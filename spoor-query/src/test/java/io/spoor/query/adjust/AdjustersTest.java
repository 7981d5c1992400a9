package io.spoor.query.adjust;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustersTest {
  private static final TraceId T = TraceId.of(0x42);

  private static Span.Builder span(long id, String service) {
    return Span.newBuilder().traceId(T).spanId(SpanId.of(id)).operationName("op" + id)
        .process(Process.of(service));
  }

  @Test
  void exactDuplicatesAreDroppedWithATraceWarning() {
    Span a = span(1, "a").build();
    Span b = span(2, "a").build();
    Trace t = new DuplicateSpanAdjuster().adjust(Trace.of(List.of(a, b, a.toBuilder().build())));
    assertThat(t.spans()).containsExactly(a, b);
    assertThat(t.warnings()).containsExactly("dropped 1 duplicate span");
    Trace same = Trace.of(List.of(a, b));
    assertThat(new DuplicateSpanAdjuster().adjust(same)).isSameAs(same);
  }

  @Test
  void sharedZipkinServerSpanGetsItsOwnIdAndItsChildrenFollow() {
    Span root = span(1, "web").build();
    Span client = span(5, "web").addReference(SpanRef.childOf(T, SpanId.of(1)))
        .addTag(KeyValue.of("span.kind", "client")).build();
    Span server = span(5, "api").addReference(SpanRef.childOf(T, SpanId.of(1)))
        .addTag(KeyValue.of("span.kind", "server")).build();
    Span child = span(7, "api").addReference(SpanRef.childOf(T, SpanId.of(5))).build();
    Trace t = new SharedSpanIdAdjuster().adjust(Trace.of(List.of(root, client, server, child)));
    Span newServer = t.spans().get(2);
    assertThat(newServer.spanId()).isEqualTo(SpanId.of(8));
    assertThat(newServer.parentSpanId()).isEqualTo(SpanId.of(5));
    assertThat(newServer.references()).containsExactly(SpanRef.childOf(T, SpanId.of(5)));
    assertThat(newServer.warnings()).containsExactly(
        "span id 0000000000000005 was shared with a client span; shown as 0000000000000008");
    assertThat(t.spans().get(1)).isEqualTo(client);
    assertThat(t.spans().get(3).parentSpanId()).isEqualTo(SpanId.of(8));
  }

  @Test
  void parentReferenceMovesFirst() {
    Span s = span(2, "a")
        .addReference(SpanRef.followsFrom(T, SpanId.of(9)))
        .addReference(SpanRef.childOf(TraceId.of(7), SpanId.of(3)))
        .addReference(SpanRef.childOf(T, SpanId.of(1))).build();
    Span adjusted = new ParentReferenceAdjuster().adjust(Trace.of(List.of(s))).spans().get(0);
    assertThat(adjusted.references()).containsExactly(
        SpanRef.childOf(T, SpanId.of(1)), SpanRef.followsFrom(T, SpanId.of(9)),
        SpanRef.childOf(TraceId.of(7), SpanId.of(3)));
    Span onlyFollows = span(3, "a").addReference(SpanRef.childOf(TraceId.of(7), SpanId.of(3)))
        .addReference(SpanRef.followsFrom(T, SpanId.of(9))).build();
    assertThat(new ParentReferenceAdjuster().adjust(Trace.of(List.of(onlyFollows))).spans().get(0)
        .references().get(0)).isEqualTo(SpanRef.followsFrom(T, SpanId.of(9)));
  }

  @Test
  void tagsAreSortedByKeyAndLogsByTime() {
    Span s = span(1, "a").addTag(KeyValue.of("z", 1L)).addTag(KeyValue.of("a", "x"))
        .process(Process.of("a", KeyValue.of("m", "1"), KeyValue.of("b", "2")))
        .addLog(Log.of(20, KeyValue.of("event", "late"), KeyValue.of("a", 1L)))
        .addLog(Log.of(10, KeyValue.of("event", "early"))).build();
    Span sorted = new SortTagsAdjuster().adjust(Trace.of(List.of(s))).spans().get(0);
    assertThat(sorted.tags()).extracting(KeyValue::key).containsExactly("a", "z");
    assertThat(sorted.process().tags()).extracting(KeyValue::key).containsExactly("b", "m");
    assertThat(sorted.logs()).extracting(Log::timestampNanos).containsExactly(10L, 20L);
    assertThat(sorted.logs().get(1).fields()).extracting(KeyValue::key).containsExactly("event", "a");
  }

  @Test
  void clockSkewCentresAChildFromAnotherHostAndCarriesItsSubtree() {
    Span parent = span(1, "web").process(Process.of("web", KeyValue.of("ip", "10.0.0.1")))
        .startTimeNanos(1_000_000).durationNanos(100_000).build();
    Span child = span(2, "api").process(Process.of("api", KeyValue.of("ip", "10.0.0.2")))
        .addReference(SpanRef.childOf(T, SpanId.of(1)))
        .startTimeNanos(900_000).durationNanos(50_000).addLog(Log.of(910_000)).build();
    Span grandchild = span(3, "api").process(Process.of("api", KeyValue.of("ip", "10.0.0.2")))
        .addReference(SpanRef.childOf(T, SpanId.of(2)))
        .startTimeNanos(905_000).durationNanos(10_000).build();
    Trace t = new ClockSkewAdjuster(Duration.ofSeconds(1)).adjust(Trace.of(List.of(parent, child, grandchild)));
    Span c = t.spans().get(1);
    assertThat(c.startTimeNanos()).isEqualTo(1_025_000);
    assertThat(c.logs().get(0).timestampNanos()).isEqualTo(1_035_000);
    assertThat(c.warnings()).containsExactly("clock skew adjusted by 125µs");
    Span g = t.spans().get(2);
    assertThat(g.startTimeNanos()).isEqualTo(1_030_000);
    assertThat(g.warnings()).containsExactly("clock skew adjusted by 125µs, as its parent");
    assertThat(t.spans().get(0)).isEqualTo(parent);
  }

  @Test
  void clockSkewBeyondTheMaximumIsReportedNotApplied() {
    Span parent = span(1, "web").process(Process.of("web", KeyValue.of("ip", "10.0.0.1")))
        .startTimeNanos(10_000_000_000L).durationNanos(100_000).build();
    Span child = span(2, "api").process(Process.of("api", KeyValue.of("ip", "10.0.0.2")))
        .addReference(SpanRef.childOf(T, SpanId.of(1))).startTimeNanos(0).durationNanos(50_000).build();
    Span c = new ClockSkewAdjuster(Duration.ofMillis(1)).adjust(Trace.of(List.of(parent, child))).spans().get(1);
    assertThat(c.startTimeNanos()).isZero();
    assertThat(c.warnings()).singleElement().asString().contains("exceeds the maximum of 1ms; not applied");
  }

  @Test
  void standardChainLeavesClockSkewOffByDefault() {
    Span parent = span(1, "web").process(Process.of("web", KeyValue.of("ip", "1")))
        .startTimeNanos(1_000_000).durationNanos(100).build();
    Span child = span(2, "api").process(Process.of("api", KeyValue.of("ip", "2")))
        .addReference(SpanRef.childOf(T, SpanId.of(1))).startTimeNanos(0).durationNanos(10).build();
    Trace t = TraceAdjuster.standard(Duration.ZERO).adjust(Trace.of(List.of(parent, child)));
    assertThat(t.spans().get(1).startTimeNanos()).isZero();
    assertThat(t.spans().get(1).warnings()).isEmpty();
  }
}
