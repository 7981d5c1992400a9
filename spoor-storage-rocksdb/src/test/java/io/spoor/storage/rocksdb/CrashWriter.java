package io.spoor.storage.rocksdb;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The process {@link RocksDbCrashIT} kills: opens the store at {@code args[0]} and writes batch after
 * batch from {@code args[1]} threads until it is killed, printing {@code acked <id>} after each write
 * returned. Batch {@code id} is trace {@code id} with {@link #SPANS_PER_BATCH} spans.
 */
final class CrashWriter {
  static final int SPANS_PER_BATCH = 20;
  static final String ACKED = "acked ";

  private CrashWriter() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    int threads = Integer.parseInt(args[1]);
    Storage storage = StorageFactory.find("rocksdb").orElseThrow()
        .create(StorageSettings.of(Map.of(RocksDbStorageFactory.PATH, args[0])));
    storage.start();
    out.println("started");
    long start = Instant.now().minusSeconds(60).getEpochSecond() * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int first = w + 1;
      writers.add(pool.submit(() -> {
        for (long id = first; ; id += threads) {
          storage.spanWriter().write(TestSpans.trace(id, "crash-service", SPANS_PER_BATCH, start + id, 200));
          synchronized (out) {
            out.println(ACKED + id);
          }
        }
      }));
    }
    for (Future<?> writer : writers) {
      writer.get();
    }
  }
}
