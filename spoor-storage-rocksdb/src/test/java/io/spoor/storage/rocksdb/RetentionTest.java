package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spoor.model.Span;
import io.spoor.model.TraceId;
import io.spoor.storage.TraceQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention by age and by disk use drops whole buckets, oldest first, and keeps the rest readable.
 * Time is a hand-moved clock; each step runs retention explicitly, as the retention thread would.
 */
class RetentionTest {
  private final Path path = TestDirectories.create("retention");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final long spanStart = Instant.now().minusSeconds(3600).getEpochSecond() * 1_000_000_000L;

  private RocksDbStorage open(Duration ttl, long maxDiskBytes) {
    RocksDbStorage storage = new RocksDbStorage(
        new RocksDbConfig(path, ttl, maxDiskBytes, false, 16L << 20), clock);
    storage.start();
    return storage;
  }

  @Test
  void bucketsOlderThanTheTtlAreDroppedWhole() {
    try (RocksDbStorage storage = open(Duration.ofSeconds(12), 1L << 30)) {
      List<Span> old = TestSpans.trace(1, "old-service", 3, spanStart, 10);
      storage.spanWriter().write(old);
      clock.advance(Duration.ofMillis(1500));
      storage.enforceRetention();
      List<Span> kept = TestSpans.trace(2, "kept-service", 3, spanStart, 10);
      storage.spanWriter().write(kept);

      clock.advance(Duration.ofSeconds(11));
      storage.enforceRetention();
      assertThat(storage.spanReader().getTrace(TraceId.of(1))).as("written 12.5s ago, TTL 12s: its bucket"
          + " is dropped only once the next bucket is older than the TTL").isPresent();

      clock.advance(Duration.ofSeconds(1));
      storage.enforceRetention();
      assertThat(storage.spanReader().getTrace(TraceId.of(1))).isEmpty();
      assertThat(storage.spanReader().getTrace(TraceId.of(2))).isPresent();
      assertThat(storage.spanReader().getServices()).containsExactly("kept-service");
      assertThat(storage.spanReader().findTraceIds(TraceQuery.newBuilder().build()))
          .containsExactly(TraceId.of(2));
      Map<String, Double> metrics = RocksDbStorageFactory.metrics(storage);
      assertThat(metrics.get("spoor_storage_rocksdb_buckets_dropped_age_total")).isEqualTo(1.0);
      assertThat(metrics.get("spoor_storage_rocksdb_retention_seconds")).isEqualTo(12.0);
    }
  }

  @Test
  void theOldestBucketsGoFirstWhenTheDiskBoundIsPassed() {
    long maxDisk = 4L << 20;
    try (RocksDbStorage storage = open(Duration.ofHours(72), maxDisk)) {
      int traces = 120;
      for (int t = 1; t <= traces; t++) {
        // ~100 KB of spans per trace: 12 MB in all, three times the bound.
        storage.spanWriter().write(TestSpans.trace(t, "size-service", 50, spanStart + t * 1_000_000L, 2_000));
        storage.enforceRetention();
      }
      Map<String, Double> metrics = RocksDbStorageFactory.metrics(storage);
      assertThat(metrics.get("spoor_storage_rocksdb_buckets_dropped_size_total")).isGreaterThan(0.0);
      assertThat(storage.spanReader().getTrace(TraceId.of(1))).as("the first trace").isEmpty();
      assertThat(storage.spanReader().getTrace(TraceId.of(traces))).as("the last trace").isPresent();
      assertThat(storage.spanReader().getTrace(TraceId.of(traces)).get().spans()).hasSize(50);
      // The bound holds at each retention run, give or take the writes between runs and the files
      // RocksDB deletes in the background (obsolete WAL files once their buckets are flushed).
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        storage.enforceRetention();
        assertThat(Retention.diskBytes(path)).as("bytes in the data directory").isLessThanOrEqualTo(maxDisk * 3 / 2);
      });
      assertThat(RocksDbStorageFactory.metrics(storage).get("spoor_storage_rocksdb_disk_bytes"))
          .isLessThanOrEqualTo(maxDisk * 3 / 2.0).isGreaterThan(0.0);
      List<TraceId> kept = storage.spanReader().findTraceIds(
          TraceQuery.newBuilder().serviceName("size-service").limit(1000).build());
      assertThat(kept).as("the newest traces, newest first").isNotEmpty().first().isEqualTo(TraceId.of(traces));
      for (int i = 1; i < kept.size(); i++) {
        assertThat(kept.get(i).low()).as("kept traces are a contiguous newest run").isEqualTo(traces - i);
      }
    }
  }
}
