package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.rocksdb.RocksDbStorageFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spoor dependencies} over a RocksDB data directory written beforehand. */
class DependenciesCommandTest {
  private static final LocalDate YESTERDAY = LocalDate.now(ZoneOffset.UTC).minusDays(1);

  @TempDir Path data;

  private static Span span(TraceId trace, long id, long parent, String service, long startNanos, KeyValue... tags) {
    return Span.newBuilder()
        .traceId(trace)
        .spanId(SpanId.of(id))
        .operationName("op")
        .references(parent == 0 ? List.of() : List.of(SpanRef.childOf(trace, SpanId.of(parent))))
        .startTimeNanos(startNanos)
        .durationNanos(1_000L)
        .tags(List.of(tags))
        .process(Process.of(service))
        .build();
  }

  /** Three traces yesterday at noon, one today: frontend → backend ×2 → db (peer.service). */
  @BeforeEach
  void writeTraces() {
    long noon = YESTERDAY.atTime(12, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
    long today = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + 1;
    List<Span> spans = new ArrayList<>();
    long[] starts = {noon, noon + 60_000_000_000L, noon + 120_000_000_000L, today};
    for (int t = 0; t < starts.length; t++) {
      TraceId id = TraceId.of(0xd0 + t);
      long s = starts[t];
      spans.add(span(id, 1, 0, "frontend", s));
      spans.add(span(id, 2, 1, "backend", s + 10));
      spans.add(span(id, 3, 1, "backend", s + 20));
      spans.add(span(id, 4, 3, "backend", s + 30, KeyValue.of("peer.service", "db")));
    }
    try (Storage store = new RocksDbStorageFactory().create(StorageSettings.of(Map.of("rocksdb.path", data.toString())))) {
      store.start();
      store.spanWriter().write(spans);
    }
  }

  private SpoorRun run(String... args) {
    List<String> all = new ArrayList<>(List.of("dependencies", "--span-storage.type=rocksdb", "--rocksdb.path=" + data));
    all.addAll(List.of(args));
    return SpoorRun.run(Map.of(), StorageFactory.available(), all.toArray(String[]::new));
  }

  @Test
  void computesTheLinksOfOneDay() {
    SpoorRun run = run("--force", YESTERDAY.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines().get(0))
        .startsWith("Dependencies " + YESTERDAY + "T00:00:00Z .. " + YESTERDAY.plusDays(1) + "T00:00:00Z (storage rocksdb)")
        .contains("3 traces, 12 spans, 2 links, 9 calls");
    assertThat(run.outLines()).contains("  backend -> db: 3", "  frontend -> backend: 6");
  }

  @Test
  void computesARange() {
    String start = YESTERDAY + "T12:00:30Z";
    SpoorRun run = run("--force", "--start=" + start, "--end=" + YESTERDAY + "T12:01:30Z",
        "--dependencies.uninstrumented-key=");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines().get(0)).contains("1 traces, 4 spans, 1 links, 2 calls");
    assertThat(run.outLines()).contains("  frontend -> backend: 2");
  }

  @Test
  void refusesABackendThatDerivesLinksItself() {
    SpoorRun run = run(YESTERDAY.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("derives dependency links from spans").contains("--force");
  }

  @Test
  void badRangesAreInvalidConfiguration() {
    assertThat(run("--force", "2026-13-01").err()).contains("DATE: \"2026-13-01\" (expected: YYYY-MM-DD)");
    assertThat(run("--force", "--start=yesterday").err()).contains("--start: \"yesterday\"");
    assertThat(run("--force", "--end=2026-11-01T00:00:00Z").err()).contains("--end needs --start");
    assertThat(run("--force", "--start=2026-11-02T00:00:00Z", "--end=2026-11-01T00:00:00Z").exitCode()).isEqualTo(2);
    assertThat(run("--force", "--start=2026-11-02T00:00:00Z", "2026-11-01").err()).contains("not both");
  }
}
