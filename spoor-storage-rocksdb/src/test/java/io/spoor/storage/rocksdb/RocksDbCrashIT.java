package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.TraceQuery;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Zero loss of acknowledged spans when the process dies: a forked JVM ({@link CrashWriter}) writes
 * batches from several threads and is killed with SIGKILL mid-load; the store then opens cleanly,
 * every acknowledged batch is readable whole, and no batch is half there (a batch is one atomic
 * write).
 */
class RocksDbCrashIT {
  private static final int ACKS_BEFORE_KILL = 400;
  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void everyAcknowledgedBatchSurvivesKillMinusNine() throws Exception {
    Path path = TestDirectories.create("crash");
    Set<Long> acked = new HashSet<>();
    Process writer = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        CrashWriter.class.getName(), path.toString(), "4")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      String line;
      while (acked.size() < ACKS_BEFORE_KILL && System.nanoTime() < deadline && (line = lines.readLine()) != null) {
        if (line.startsWith(CrashWriter.ACKED)) {
          acked.add(Long.parseLong(line.substring(CrashWriter.ACKED.length())));
        }
      }
      // Mid-load: the writer threads are between writes or inside one. Acknowledgements printed but
      // not read yet are not counted (destroying the process closes its output).
      writer.destroyForcibly();
      assertThat(writer.waitFor(30, TimeUnit.SECONDS)).as("the writer died").isTrue();
    } finally {
      writer.destroyForcibly();
    }
    assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(137);
    assertThat(acked).as("acknowledged batches before the kill").hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

    try (Storage storage = StorageFactory.find("rocksdb").orElseThrow()
        .create(StorageSettings.of(Map.of(RocksDbStorageFactory.PATH, path.toString())))) {
      storage.start();
      assertThat(storage.check().healthy()).isTrue();
      for (long id : acked) {
        Optional<Trace> trace = storage.spanReader().getTrace(TraceId.of(id));
        assertThat(trace).as("acknowledged batch %d", id).isPresent();
        assertThat(trace.get().spans()).as("acknowledged batch %d", id).hasSize(CrashWriter.SPANS_PER_BATCH);
      }
      List<Trace> all = storage.spanReader().findTraces(
          TraceQuery.newBuilder().serviceName("crash-service").limit(1_000_000).build());
      assertThat(all).as("every batch found, acknowledged or not, is whole")
          .allSatisfy(t -> assertThat(t.spans()).hasSize(CrashWriter.SPANS_PER_BATCH));
      assertThat(all.size()).isGreaterThanOrEqualTo(acked.size());
    }
  }
}
