package io.spoor.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Operation;
import io.spoor.storage.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code memory.max-traces}: the trace first written longest ago goes, with every index entry. */
class EvictionTest {
  private static final long BASE = 1_700_000_000_000_000_000L;
  private final MemoryStorage storage = new MemoryStorage(3, 0);
  private final TraceTable table = storage.traceTable();

  /** Trace n: a root span in "front-n" calling a span in "shared". */
  private static List<Span> trace(long n) {
    TraceId id = TraceId.of(n);
    Span root = Span.newBuilder().traceId(id).spanId(SpanId.of(1)).operationName("root-" + n)
        .process(Process.of("front-" + n)).startTimeNanos(BASE + n * 1_000_000).durationNanos(5_000)
        .addTag(KeyValue.of(SpanKind.TAG_KEY, "server")).build();
    Span child = Span.newBuilder().traceId(id).spanId(SpanId.of(2)).operationName("child-" + n)
        .process(Process.of("shared")).startTimeNanos(BASE + n * 1_000_000 + 1_000).durationNanos(1_000)
        .addReference(SpanRef.childOf(id, SpanId.of(1))).build();
    return List.of(root, child);
  }

  @Test
  void theTwoOldestOfFiveTracesAreEvictedWithTheirIndexEntries() {
    for (long n = 1; n <= 5; n++) {
      table.write(trace(n));
    }
    assertThat(table.traceCount()).isEqualTo(3);
    assertThat(table.getTrace(TraceId.of(1))).isEmpty();
    assertThat(table.getTrace(TraceId.of(2))).isEmpty();
    for (long n = 3; n <= 5; n++) {
      assertThat(table.getTrace(TraceId.of(n))).get().extracting(t -> t.spans().size()).isEqualTo(2);
    }
    assertThat(table.getServices()).containsExactly("front-3", "front-4", "front-5", "shared");
    assertThat(table.getOperations("front-1", null)).isEmpty();
    assertThat(table.getOperations("front-3", null))
        .containsExactly(new Operation("root-3", SpanKind.SERVER));
    assertThat(table.getOperations("shared", null)).extracting(Operation::name)
        .containsExactly("child-3", "child-4", "child-5");
    // global index: 3 traces; "shared": 3; front-3, front-4, front-5: 1 each
    assertThat(table.indexEntries()).isEqualTo(9);
    assertThat(table.findTraces(TraceQuery.newBuilder().build())).extracting(Trace::traceId)
        .containsExactly(TraceId.of(5), TraceId.of(4), TraceId.of(3));
    assertThat(table.findTraceIds(TraceQuery.newBuilder().serviceName("shared").build()))
        .containsExactly(TraceId.of(5), TraceId.of(4), TraceId.of(3));
    Instant end = Instant.ofEpochSecond(0, BASE).plusSeconds(1);
    assertThat(storage.dependencyStore().getDependencies(end, Duration.ofSeconds(2)))
        .extracting(l -> l.parent() + ">" + l.child() + ":" + l.callCount())
        .containsExactly("front-3>shared:1", "front-4>shared:1", "front-5>shared:1");
  }

  @Test
  void moreSpansOfAStoredTraceDoNotRenewIt() {
    for (long n = 1; n <= 3; n++) {
      table.write(trace(n));
    }
    table.write(List.of(trace(1).get(0).toBuilder().spanId(SpanId.of(3)).build()));
    assertThat(table.traceCount()).isEqualTo(3);
    table.write(trace(4));
    assertThat(table.getTrace(TraceId.of(1))).as("first written longest ago").isEmpty();
    assertThat(table.getTrace(TraceId.of(2))).isPresent();
    assertThat(table.getOperations("front-1", null)).isEmpty();
  }

  @Test
  void aBatchLargerThanTheBoundKeepsItsNewestTraces() {
    table.write(List.of(trace(1).get(0), trace(2).get(0), trace(3).get(0), trace(4).get(0), trace(5).get(0),
        trace(1).get(1)));
    // trace 1 was evicted by trace 4, then written again as a new trace, which evicted trace 2...
    assertThat(table.traceCount()).isEqualTo(3);
    assertThat(table.findTraceIds(TraceQuery.newBuilder().build()))
        .containsExactlyInAnyOrder(TraceId.of(4), TraceId.of(5), TraceId.of(1));
    assertThat(table.getTrace(TraceId.of(1))).get().extracting(t -> t.spans().size()).isEqualTo(1);
    assertThat(table.indexEntries()).isEqualTo(6);
  }

  @Test
  void purgeEmptiesEveryIndex() {
    table.write(trace(1));
    storage.purge();
    assertThat(table.traceCount()).isZero();
    assertThat(table.indexEntries()).isZero();
    assertThat(table.getServices()).isEmpty();
    assertThat(table.getOperations("shared", null)).isEmpty();
  }
}
