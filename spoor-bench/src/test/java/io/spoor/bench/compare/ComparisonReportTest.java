package io.spoor.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.spoor.bench.load.LoadReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

  @Test
  void ratioIsSpoorOverPeerWhereBothWereMeasured() {
    SideResult zipkin = new SideResult("zipkin", List.of(point(2, 10_000), point(16, 8_000)), null);
    SideResult spoor = new SideResult("spoor", List.of(point(2, 25_000)), "c=16: exited with code 1");
    ComparisonReport report = new ComparisonReport("test run", List.of(2, 16), zipkin, spoor);

    assertThat(report.ratio(2)).hasValueCloseTo(2.5, within(1e-9));
    assertThat(report.ratio(16)).isEmpty();
    String table = report.toTable();
    assertThat(table).startsWith("test run\n").contains("2.50x")
        .contains("spoor side not available: c=16: exited with code 1")
        .doesNotContain("zipkin side not available");
    assertThat(table.lines().filter(line -> line.startsWith("   16 |")).findFirst().orElseThrow())
        .contains("8000").contains("not available").endsWith("| -");
    assertThat(report.toJson()).contains("\"ratios\":{\"2\":2.500,\"16\":null}")
        .contains("\"unavailableReason\":\"c=16: exited with code 1\"")
        .contains("\"peakHeapBytes\":104857600");
  }

  @Test
  void targetsAreCheckedWhereBothFiguresExist() {
    SideResult zipkin = new SideResult("zipkin", List.of(point(2, 10_000), point(16, 8_000)), null);
    SideResult spoor = new SideResult("spoor", List.of(point(2, 25_000), point(16, 14_000)), null);

    List<String> targets = new ComparisonReport("run", List.of(2, 16), zipkin, spoor).targets();

    assertThat(targets).containsExactly(
        "target c=2: spoor/zipkin = 2.50 (expected: >= 2.0): met",
        "target c=16: spoor/zipkin = 1.75 (expected: >= 2.0): MISSED",
        "target spoor c=2 -> c=16: 25000 -> 14000 spans/s (expected: no fall, >= 95%): MISSED");
    assertThat(new ComparisonReport("run", List.of(2, 16), zipkin,
        new SideResult("spoor", List.of(), "jar not found")).targets()).isEmpty();
  }

  @Test
  void aSideThatNeverStartedShowsItsReason() {
    SideResult zipkin = new SideResult("zipkin", List.of(point(2, 10_000)), null);
    SideResult spoor = new SideResult("spoor", List.of(), "jar not found: /x/spoor.jar");

    String table = new ComparisonReport("run", List.of(2), zipkin, spoor).toTable();

    assertThat(table).contains("10000").contains("100 MiB")
        .contains("spoor side not available: jar not found: /x/spoor.jar");
  }

  private static PointResult point(int concurrency, double spansPerSecond) {
    LoadReport load = new LoadReport("zipkin-json", "http://127.0.0.1:1", concurrency, 10,
        100, 100, (long) (spansPerSecond * 10), 0, 0, Map.of("202", 100L), 1.5, 9.5, 20);
    return new PointResult(load, 100L << 20, "prometheus");
  }
}
