package io.spoor.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark end to end with 2,000 spans against the real servers as child processes: Spoor's
 * all-in-one from {@code spoor-server/target/spoor.jar} and, when it is in the local Maven repository,
 * Zipkin's exec jar. Each test is skipped when its jar is missing.
 */
class QueryBenchmarkIT {
  private static final Path SPOOR_JAR = Path.of("..", "spoor-server", "target", "spoor.jar");
  private static final Path ZIPKIN_JAR = Path.of(System.getProperty("user.home"), ".m2", "repository", "io",
      "zipkin", "zipkin-server", "3.5.1", "zipkin-server-3.5.1-exec.jar");

  @TempDir Path logs;
  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

  @Test
  void measuresSpoorsAllInOne() throws Exception {
    assumeThat(Files.isRegularFile(SPOOR_JAR))
        .as("spoor.jar not built (./mvnw -pl spoor-server -am package -DskipTests); skipping").isTrue();

    SideOutcome spoor = benchmark().runSpoor(SPOOR_JAR);

    assertMeasuredCompletely(spoor);
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("spoor: sent 2000 spans");
  }

  @Test
  void measuresZipkinsServer() throws Exception {
    assumeThat(Files.isRegularFile(ZIPKIN_JAR)).as("zipkin-server exec jar not in ~/.m2; skipping").isTrue();

    SideOutcome zipkin = benchmark().runZipkin(ZIPKIN_JAR);

    assertMeasuredCompletely(zipkin);
  }

  @Test
  void aMissingJarMakesTheSideUnavailable() throws Exception {
    SideOutcome spoor = benchmark().runSpoor(logs.resolve("no-such.jar"));

    assertThat(spoor.measured()).isFalse();
    assertThat(spoor.unavailableReason()).startsWith("jar not found: ").contains("no-such.jar");
  }

  private QueryBenchmark benchmark() {
    long now = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    QuerySettings settings = QuerySettings.of(2_000, 10, 100, 42, now, Duration.ofMinutes(5), 2, 50, 20, 10, 2, 20,
        Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(60));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new QueryBenchmark(settings, java, "512m", logs, new PrintStream(progress, true, StandardCharsets.UTF_8));
  }

  private void assertMeasuredCompletely(SideOutcome side) {
    assertThat(side.unavailableReason()).as(progress.toString(StandardCharsets.UTF_8)).isNull();
    LatencySummary byId = side.traceById();
    LatencySummary search = side.search();
    assertThat(byId).isNotNull();
    assertThat(search).isNotNull();
    assertThat(byId.requests()).isEqualTo(50);
    assertThat(byId.good()).as(byId.firstProblem()).isEqualTo(50);
    assertThat(byId.meanItems()).isBetween(3.0, 12.0);
    assertThat(search.requests()).isEqualTo(20);
    assertThat(search.good()).as(search.firstProblem()).isEqualTo(20);
    assertThat(search.meanItems()).isEqualTo(20.0);
    assertThat(byId.p99Millis()).isPositive();
    assertThat(side.dataFingerprint()).isNotZero();
  }
}
