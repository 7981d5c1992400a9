package io.spoor.storage.rocksdb;

import io.spoor.model.Span;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.TraceQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A rough, JMH-free measurement for the docs: writes 100,000 spans (10,000 traces of 10 spans in
 * 5 services, batches of 100) and times a service search. Not a test; run it by hand:
 * {@code java -cp <test classpath> io.spoor.storage.rocksdb.QuickMeasurement [path]}.
 */
final class QuickMeasurement {
  private QuickMeasurement() {}

  public static void main(String[] args) {
    String path = args.length > 0 ? args[0] : TestDirectories.create("measure").toString();
    try (Storage storage = StorageFactory.find("rocksdb").orElseThrow()
        .create(StorageSettings.of(Map.of(RocksDbStorageFactory.PATH, path)))) {
      storage.start();
      long base = Instant.now().minusSeconds(3600).getEpochSecond() * 1_000_000_000L;
      List<Span> batch = new ArrayList<>(100);
      java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuBegan = cpu.getCurrentThreadCpuTime();
      long began = System.nanoTime();
      for (int t = 1; t <= 10_000; t++) {
        batch.addAll(TestSpans.trace(t, "service-" + (t % 5), 10, base + t * 1_000_000L, 50));
        if (batch.size() >= 100) {
          storage.spanWriter().write(batch);
          batch.clear();
        }
      }
      double writeSeconds = (System.nanoTime() - began) / 1e9;
      double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuBegan) / 1e9;
      System.out.printf("write 100000 spans: %.2f s wall (%.0f spans/s), %.2f s CPU of the writing thread%n",
          writeSeconds, 100_000 / writeSeconds, cpuSeconds);
      TraceQuery query = TraceQuery.newBuilder().serviceName("service-3").limit(20).build();
      for (int i = 0; i < 20; i++) {
        storage.spanReader().findTraces(query);
      }
      long[] micros = new long[200];
      for (int i = 0; i < micros.length; i++) {
        long t0 = System.nanoTime();
        storage.spanReader().findTraces(query);
        micros[i] = (System.nanoTime() - t0) / 1_000;
      }
      Arrays.sort(micros);
      System.out.printf("findTraces(service, limit 20): p50 %d us, p99 %d us%n",
          micros[micros.length / 2], micros[micros.length * 99 / 100]);
      TraceQuery tagged = TraceQuery.newBuilder().serviceName("service-3")
          .addTag(io.spoor.storage.TagFilter.equalTo("batch", "4998")).build();
      long t0 = System.nanoTime();
      int found = storage.spanReader().findTraces(tagged).size();
      System.out.printf("findTraces(service, tag): %d trace(s) in %d us%n", found, (System.nanoTime() - t0) / 1_000);
      System.out.printf("disk: %d bytes%n", Retention.diskBytes(java.nio.file.Path.of(path)));
    }
  }
}
