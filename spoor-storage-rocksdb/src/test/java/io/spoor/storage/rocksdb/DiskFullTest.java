package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spoor.model.TraceId;
import io.spoor.storage.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A full disk fails writes with a {@link StorageException} that names the cause, counts them, turns
 * health red, and leaves reads working. The disk is a 24 MiB tmpfs mounted under {@code target/},
 * so the test runs only where it may mount (root, as on CI); elsewhere it is skipped.
 */
class DiskFullTest {
  private final Path path = TestDirectories.create("disk-full").toAbsolutePath();
  private boolean mounted;

  @AfterEach
  void unmount() throws IOException, InterruptedException {
    if (mounted) {
      run("umount", "-l", path.toString());
    }
  }

  @Test
  void writesFailWithAStorageExceptionAndReadsStillWork() throws Exception {
    mounted = run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", path.toString());
    Assumptions.assumeTrue(mounted, "cannot mount a small tmpfs here (needs root)");
    RocksDbStorage storage = new RocksDbStorage(
        new RocksDbConfig(path, Duration.ofHours(72), 1L << 30, false, 16L << 20), Clock.systemUTC());
    try {
      storage.start();
      long start = System.currentTimeMillis() * 1_000_000L;
      storage.spanWriter().write(TestSpans.trace(1, "full-service", 5, start, 10));
      StorageException failure = null;
      for (int t = 2; t < 1_000 && failure == null; t++) {
        try {
          storage.spanWriter().write(TestSpans.trace(t, "full-service", 50, start, 2_000));
        } catch (StorageException e) {
          failure = e;
        }
      }
      assertThat(failure).as("a write on a full disk").isNotNull();
      assertThat(failure.getMessage()).startsWith("rocksdb write of 50 spans to " + path + " failed: ")
          .containsIgnoringCase("no space left on device");
      Map<String, Double> metrics = RocksDbStorageFactory.metrics(storage);
      assertThat(metrics.get("spoor_storage_rocksdb_write_failures_total")).isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.get("spoor_storage_rocksdb_spans_failed_total")).isGreaterThanOrEqualTo(50.0);
      assertThat(storage.check().healthy()).isFalse();
      assertThat(storage.check().reason()).contains("writes failing").containsIgnoringCase("no space");
      assertThat(storage.spanReader().getTrace(TraceId.of(1))).as("reads after the failure").isPresent();
      assertThat(storage.spanReader().getServices()).containsExactly("full-service");

      // RocksDB recovers by itself once its file system has room for a flush again (64 MiB here).
      assertThat(run("mount", "-o", "remount,size=256m", path.toString())).as("tmpfs grown").isTrue();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .ignoreExceptionsInstanceOf(StorageException.class).untilAsserted(() -> {
        storage.spanWriter().write(TestSpans.trace(5_000, "full-service", 5, start, 10));
        assertThat(storage.check().healthy()).isTrue();
      });
      assertThat(storage.spanReader().getTrace(TraceId.of(5_000))).as("a write once space is free").isPresent();
    } finally {
      storage.close();
    }
  }

  private static boolean run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getInputStream().readAllBytes();
    return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
  }
}
