package io.spoor.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.bench.load.Format;
import io.spoor.bench.load.LoadSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver end to end against a stand-in collector child: start, health, load, heap sample, stop. */
class ComparisonRunnerIT {
  @TempDir Path logs;

  private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
  private final LoadSettings settings = new LoadSettings(URI.create("http://127.0.0.1:9411"), Format.ZIPKIN_JSON,
      1, Duration.ZERO, Duration.ofMillis(1500), 20, 3, 3, Duration.ofSeconds(5), 1);

  @Test
  void runsEachPointAgainstAFreshChildAndSamplesItsHeap() throws Exception {
    SideResult result = runner().run(collector("{port}"), settings, List.of(1, 2));

    assertThat(result.unavailableReason()).isNull();
    assertThat(result.points()).extracting(point -> point.load().concurrency()).containsExactly(1, 2);
    assertThat(result.points()).allSatisfy(point -> {
      assertThat(point.load().acceptedRequests()).isPositive().isEqualTo(point.load().requests());
      assertThat(point.load().outcomes()).containsOnlyKeys("202");
      assertThat(point.peakHeapBytes()).isPositive();
      assertThat(point.heapSource()).isEqualTo("prometheus");
    });
    assertThat(progress.toString(StandardCharsets.UTF_8)).contains("fake c=1: starting").contains("fake c=2: starting");
    assertThat(logs.resolve("fake-c1.log")).exists();
  }

  @Test
  void aCollectorThatCannotStartIsUnavailableWithTheReason() throws Exception {
    SideResult result = runner().run(collector("fail"), settings, List.of(1, 2));

    assertThat(result.points()).isEmpty();
    assertThat(result.unavailableReason()).startsWith("c=1: exited with code 3 before http://127.0.0.1:")
        .endsWith("unknown flag: --collector.zipkin.host-port");
  }

  private ComparisonRunner runner() {
    return new ComparisonRunner(logs, "64m", Duration.ofSeconds(60), Path.of(System.getProperty("java.home")),
        new PrintStream(progress, true, StandardCharsets.UTF_8));
  }

  private static CollectorUnderTest collector(String argument) throws Exception {
    List<String> command = new ArrayList<>(ChildProcessIT.fakeCollector(argument));
    command.set(0, "java");
    command.set(1, "-Xmx{heap}");
    return new CollectorUnderTest("fake", command, Map.of(), "http://127.0.0.1:{port}/health",
        "http://127.0.0.1:{port}/metrics");
  }
}
