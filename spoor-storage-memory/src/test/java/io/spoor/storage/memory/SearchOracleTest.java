package io.spoor.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The indexed search (time windows, pruning, early stop at the limit) returns exactly what a scan of
 * every trace with {@link TraceQuery#matches} returns, for many random stores and queries.
 */
class SearchOracleTest {
  private static final long MINUTE = 60_000_000_000L;
  private static final String[] SERVICES = {"a", "b", "c"};

  @Test
  void indexedSearchEqualsAFullScan() {
    Random random = new Random(20260301);
    for (int round = 0; round < 20; round++) {
      TraceTable table = new TraceTable(0, 0);
      Map<TraceId, List<Span>> all = new TreeMap<>();
      for (int t = 1; t <= 200; t++) {
        TraceId id = TraceId.of(random.nextInt(1 << 20), t);
        long traceStart = random.nextInt(600) * MINUTE / 10;
        int spanCount = 1 + random.nextInt(5);
        for (int s = 0; s < spanCount; s++) {
          // Spans of a trace spread up to 30 minutes, some far later, to exercise the pruning bound.
          long offset = random.nextInt(10) == 0 ? random.nextInt(300) * MINUTE / 10 : random.nextInt(30) * MINUTE;
          Span span = Span.newBuilder().traceId(id).spanId(SpanId.of(s + 1))
              .operationName("op" + random.nextInt(3))
              .process(Process.of(SERVICES[random.nextInt(SERVICES.length)]))
              .startTimeNanos(traceStart + offset)
              .durationNanos(1_000L * random.nextInt(100))
              .addTag(KeyValue.of("k", (long) random.nextInt(4)))
              .build();
          all.computeIfAbsent(id, x -> new ArrayList<>()).add(span);
          table.write(List.of(span));
        }
      }
      for (int q = 0; q < 50; q++) {
        TraceQuery query = randomQuery(random);
        assertThat(table.findTraceIds(query)).as("round %s, %s", round, query)
            .containsExactlyElementsOf(scan(all, query));
      }
    }
  }

  private static TraceQuery randomQuery(Random random) {
    TraceQuery.Builder query = TraceQuery.newBuilder().limit(1 + random.nextInt(30));
    if (random.nextInt(4) != 0) {
      query.serviceName(SERVICES[random.nextInt(SERVICES.length)]);
    }
    if (random.nextBoolean()) {
      long min = random.nextInt(900) * MINUTE / 10;
      query.startTimeMinNanos(min).startTimeMaxNanos(min + random.nextInt(120) * MINUTE / 10);
    }
    if (random.nextInt(3) == 0) {
      query.operationName("op" + random.nextInt(3));
    }
    if (random.nextInt(3) == 0) {
      query.addTag(TagFilter.equalTo("k", Integer.toString(random.nextInt(4))));
    }
    if (random.nextInt(4) == 0) {
      query.durationMinNanos(1_000L * random.nextInt(50)).durationMaxNanos(50_000L + 1_000L * random.nextInt(50));
    }
    return query.build();
  }

  /** Every trace with a matching span, newest first by trace start (ties: larger id first), limited. */
  private static List<TraceId> scan(Map<TraceId, List<Span>> all, TraceQuery query) {
    List<Map.Entry<TraceId, List<Span>>> matching = new ArrayList<>();
    for (Map.Entry<TraceId, List<Span>> trace : all.entrySet()) {
      if (trace.getValue().stream().anyMatch(query::matches)) {
        matching.add(trace);
      }
    }
    Comparator<Map.Entry<TraceId, List<Span>>> newestFirst = Comparator
        .comparingLong((Map.Entry<TraceId, List<Span>> e) ->
            e.getValue().stream().mapToLong(Span::startTimeNanos).min().orElseThrow())
        .thenComparing(Map.Entry::getKey)
        .reversed();
    matching.sort(newestFirst);
    return matching.stream().limit(query.limit()).map(Map.Entry::getKey).toList();
  }
}
