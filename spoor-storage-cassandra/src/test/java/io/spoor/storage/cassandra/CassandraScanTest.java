package io.spoor.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.TimeWindow;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code scanTraces} both ways: a window up to a quarter of the span TTL goes through the service
 * index (the TCK's case), a wider one scans the traces table; both give each trace once and whole.
 */
@ExtendWith(CassandraExtension.class)
class CassandraScanTest {
  private static final long MINUTE = 60_000_000_000L;

  @Test
  void narrowWindowsUseTheIndexWideOnesTheTable(CassandraServer node) {
    try (Storage storage = TestCassandra.storage(node, CassandraStorageTest.KEYSPACE)) {
      storage.start();
      storage.purge();
      long base = (System.currentTimeMillis() - 3_600_000L) * 1_000_000L;
      List<Span> spans = new ArrayList<>();
      for (int t = 1; t <= 4; t++) {
        for (int s = 1; s <= 3; s++) {
          spans.add(Span.newBuilder().traceId(TraceId.of(0x5c00 + t)).spanId(SpanId.of(s)).operationName("op")
              .process(Process.of("scan-" + s)).startTimeNanos(base + t * 10 * MINUTE + s * 1_000L)
              .durationNanos(1_000).build());
        }
      }
      storage.spanWriter().write(spans);

      // 25 minutes: traces 2 and 3 (starting 20 and 30 minutes after base)
      TimeWindow narrow = new TimeWindow(base + 15 * MINUTE, base + 40 * MINUTE);
      assertThat(scan(storage, narrow)).containsExactlyInAnyOrder(TraceId.of(0x5c02), TraceId.of(0x5c03));
      // 20 hours (TTL 48 h): the table scan
      TimeWindow wide = new TimeWindow(base + 35 * MINUTE, base + 20 * 60 * MINUTE);
      assertThat(scan(storage, wide)).containsExactlyInAnyOrder(TraceId.of(0x5c04));
      assertThat(scan(storage, TimeWindow.UNBOUNDED)).containsExactlyInAnyOrder(
          TraceId.of(0x5c01), TraceId.of(0x5c02), TraceId.of(0x5c03), TraceId.of(0x5c04));
    }
  }

  private static List<TraceId> scan(Storage storage, TimeWindow window) {
    List<TraceId> ids = new ArrayList<>();
    storage.spanReader().scanTraces(window, trace -> {
      assertThat(trace.spans()).hasSize(3);
      ids.add(trace.traceId());
    });
    return ids;
  }
}
