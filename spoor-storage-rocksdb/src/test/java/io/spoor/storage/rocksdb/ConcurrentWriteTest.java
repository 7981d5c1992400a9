package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.TraceId;
import io.spoor.storage.TraceQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Writers, readers and bucket changes at once: four threads write while buckets roll under them;
 * every write lands whole, searches see every trace, and closing leaves no {@code spoor-} thread.
 */
class ConcurrentWriteTest {
  private final Path path = TestDirectories.create("concurrent");
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

  @Test
  void writesDuringBucketRollsAllLandWhole() throws Exception {
    int threads = 4;
    int perThread = 150;
    long start = Instant.now().minusSeconds(600).getEpochSecond() * 1_000_000_000L;
    RocksDbStorage storage = new RocksDbStorage(
        new RocksDbConfig(path, Duration.ofHours(12), 1L << 30, false, 32L << 20), clock);
    storage.start();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < threads; w++) {
        int first = w * perThread + 1;
        writers.add(pool.submit(() -> {
          for (int t = first; t < first + perThread; t++) {
            storage.spanWriter().write(TestSpans.trace(t, "busy-service", 4, start + t * 1_000L, 20));
          }
        }));
      }
      // At most 10 hours pass: under the 12h TTL, so no bucket ages out.
      for (int roll = 0; roll < 10 && (roll == 0 || !writers.stream().allMatch(Future::isDone)); roll++) {
        clock.advance(Duration.ofHours(1));
        storage.enforceRetention();
        storage.spanReader().findTraceIds(TraceQuery.newBuilder().serviceName("busy-service").build());
      }
      for (Future<?> writer : writers) {
        writer.get(60, TimeUnit.SECONDS);
      }
      assertThat(storage.database().bucketStarts()).as("buckets rolled under the writers").hasSizeGreaterThan(1);
      for (int t = 1; t <= threads * perThread; t++) {
        assertThat(storage.spanReader().getTrace(TraceId.of(t))).as("trace %d", t).get()
            .satisfies(trace -> assertThat(trace.spans()).hasSize(4));
      }
      assertThat(storage.spanReader().findTraceIds(
          TraceQuery.newBuilder().serviceName("busy-service").limit(10_000).build())).hasSize(threads * perThread);
      assertThat(storage.spanReader().getServices()).containsExactly("busy-service");
    } finally {
      pool.shutdownNow();
      storage.close();
    }
    assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
        .noneMatch(name -> name.startsWith("spoor-rocksdb"));
  }
}
