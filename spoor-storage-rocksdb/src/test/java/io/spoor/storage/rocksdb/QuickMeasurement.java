package io.spoor.storage.rocksdb;

import io.spoor.model.Span;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A rough, JMH-free measurement for the docs, not a test (the build never runs it): writes 100,000
 * spans (10,000 traces of 10 spans in 5 services, batches of 100) from one thread, times service and
 * tag searches at that size, then writes 100,000 spans from four threads, and 20,000 from four
 * threads with {@code --rocksdb.sync-writes=true}. Run by hand with the module's test class path:
 * {@code java -cp <test classpath> io.spoor.storage.rocksdb.QuickMeasurement}.
 */
final class QuickMeasurement {
  private static final long BASE = Instant.now().minusSeconds(3600).getEpochSecond() * 1_000_000_000L;

  private QuickMeasurement() {}

  public static void main(String[] args) throws Exception {
    try (Storage storage = open("measure-one-thread", false)) {
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      long cpuBegan = cpu.getCurrentThreadCpuTime();
      long began = System.nanoTime();
      writeTraces(storage, 1, 10_000, 1);
      double seconds = (System.nanoTime() - began) / 1e9;
      System.out.printf("1 thread: write 100000 spans: %.2f s wall (%.0f spans/s), %.2f s CPU in the writing thread%n",
          seconds, 100_000 / seconds, (cpu.getCurrentThreadCpuTime() - cpuBegan) / 1e9);
      TraceQuery query = TraceQuery.newBuilder().serviceName("service-3").limit(20).build();
      long[] micros = time(storage, query, 200);
      System.out.printf("findTraces(service, limit 20): p50 %d us, p99 %d us%n",
          micros[micros.length / 2], micros[micros.length * 99 / 100]);
      micros = time(storage, TraceQuery.newBuilder().serviceName("service-3")
          .addTag(TagFilter.equalTo("batch", "4998")).build(), 200);
      System.out.printf("findTraces(service, tag=value): p50 %d us%n", micros[micros.length / 2]);
    }
    parallel("measure-four-threads", false, 10_000);
    parallel("measure-four-threads-sync", true, 2_000);
  }

  private static void parallel(String name, boolean sync, int traces) throws Exception {
    try (Storage storage = open(name, sync)) {
      ExecutorService pool = Executors.newFixedThreadPool(4);
      long began = System.nanoTime();
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 1; w <= 4; w++) {
        int first = w;
        writers.add(pool.submit(() -> writeTraces(storage, first, traces, 4)));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      pool.shutdown();
      System.out.printf("4 threads, sync-writes=%s: write %d spans: %.2f s wall (%.0f spans/s)%n",
          sync, traces * 10, seconds, traces * 10 / seconds);
    }
  }

  private static Storage open(String name, boolean sync) {
    Path path = TestDirectories.create(name);
    Storage storage = StorageFactory.find("rocksdb").orElseThrow().create(StorageSettings.of(Map.of(
        RocksDbStorageFactory.PATH, path.toString(), RocksDbStorageFactory.SYNC_WRITES, Boolean.toString(sync))));
    storage.start();
    return storage;
  }

  /** Traces {@code first}, {@code first + step}, ... up to {@code last}, in batches of 100 spans. */
  private static Void writeTraces(Storage storage, int first, int last, int step) {
    List<Span> batch = new ArrayList<>(100);
    for (int t = first; t <= last; t += step) {
      batch.addAll(TestSpans.trace(t, "service-" + (t % 5), 10, BASE + t * 1_000_000L, 50));
      if (batch.size() >= 100) {
        storage.spanWriter().write(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      storage.spanWriter().write(batch);
    }
    return null;
  }

  private static long[] time(Storage storage, TraceQuery query, int runs) {
    for (int i = 0; i < 20; i++) {
      storage.spanReader().findTraces(query);
    }
    long[] micros = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      storage.spanReader().findTraces(query);
      micros[i] = (System.nanoTime() - t0) / 1_000;
    }
    Arrays.sort(micros);
    return micros;
  }
}
