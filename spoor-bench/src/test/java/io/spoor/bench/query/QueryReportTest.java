package io.spoor.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryReportTest {
  private static LatencySummary latency(double p50, double p99, long failed, long incomplete) {
    return new LatencySummary(200, p50, p99, p99 * 2, failed, incomplete, 7.5, failed + incomplete > 0 ? "x" : "");
  }

  private static SideOutcome side(String name, LatencySummary byId, LatencySummary search) {
    return new SideOutcome(name, 40.5, 3, 0xabcL, byId, search, null);
  }

  @Test
  void ratiosAreSpoorsP99OverZipkins() {
    QueryReport report = new QueryReport("d", side("zipkin", latency(1, 4, 0, 0), latency(900, 1300, 0, 0)),
        side("spoor", latency(1, 2, 0, 0), latency(10, 65, 0, 0)));

    assertThat(report.traceByIdRatio()).hasValue(0.5);
    assertThat(report.searchRatio()).hasValue(0.05);
    assertThat(report.targets()).containsExactly(
        "target trace-by-id: spoor p99 <= zipkin p99: 2.00 ms vs 4.00 ms, ratio 0.5000 (expected: <= 1.00): met",
        "target search: spoor p99 <= zipkin p99 / 10: 65.00 ms vs 1300.00 ms, ratio 0.0500 (expected: <= 0.10): met");
  }

  @Test
  void aSlowerSpoorMissesBothTargets() {
    QueryReport report = new QueryReport("d", side("zipkin", latency(1, 4, 0, 0), latency(900, 1000, 0, 0)),
        side("spoor", latency(1, 5, 0, 0), latency(10, 101, 0, 0)));

    assertThat(report.targets()).containsExactly(
        "target trace-by-id: spoor p99 <= zipkin p99: 5.00 ms vs 4.00 ms, ratio 1.2500 (expected: <= 1.00): MISSED",
        "target search: spoor p99 <= zipkin p99 / 10: 101.00 ms vs 1000.00 ms, ratio 0.1010 (expected: <= 0.10): MISSED");
  }

  @Test
  void badAnswersOrAMissingSideAreNotJudged() {
    QueryReport bad = new QueryReport("d", side("zipkin", latency(1, 4, 0, 0), latency(900, 1000, 0, 0)),
        side("spoor", latency(1, 2, 1, 0), latency(10, 20, 0, 2)));
    QueryReport missing = new QueryReport("d", side("zipkin", latency(1, 4, 0, 0), latency(900, 1000, 0, 0)),
        SideOutcome.unavailable("spoor", "jar not found: /x/spoor.jar"));

    assertThat(bad.targets()).containsExactly(
        "target trace-by-id: spoor p99 <= zipkin p99: not judged (failed or incomplete answers: zipkin 0, spoor 1)",
        "target search: spoor p99 <= zipkin p99 / 10: not judged (failed or incomplete answers: zipkin 0, spoor 2)");
    assertThat(missing.traceByIdRatio()).isEmpty();
    assertThat(missing.targets()).allSatisfy(line -> assertThat(line).endsWith("not judged (a side was not measured)"));
    assertThat(missing.toTable()).contains("| not available").endsWith(
        "spoor side not available: jar not found: /x/spoor.jar\n");
  }

  @Test
  void theTableAndJsonCarryBothSides() {
    QueryReport report = new QueryReport("1,000 spans", side("zipkin", latency(1, 4, 0, 0), latency(900, 1300, 0, 0)),
        side("spoor", latency(1, 2, 0, 0), latency(10, 65, 0, 0)));

    assertThat(report.toTable()).startsWith("1,000 spans\n")
        .contains("trace-by-id  | 1.00 / 4.00 / 8.00 (200, 0, 7.5)")
        .contains("| 10.00 / 65.00 / 130.00 (200, 0, 7.5)")
        .contains("| 0.0500\n")
        .contains("zipkin: loaded in 40.5 s (3 retried requests), data fingerprint abc")
        .doesNotContain("WARNING");
    assertThat(report.toJson()).startsWith("{\"description\":\"1,000 spans\",\"zipkin\":{\"name\":\"zipkin\","
            + "\"loadSeconds\":40.5,\"loadRetries\":3,\"dataFingerprint\":\"abc\",\"traceById\":{\"requests\":200,"
            + "\"p50Millis\":1.000,\"p99Millis\":4.000,\"maxMillis\":8.000,\"failed\":0,\"incomplete\":0,"
            + "\"meanItems\":7.50,\"firstProblem\":\"\"}")
        .contains("\"p99Ratios\":{\"traceById\":0.50000,\"search\":0.05000}")
        .endsWith("(expected: <= 0.10): met\"]}");
  }

  @Test
  void differentDataOnTheTwoSidesIsFlagged() {
    QueryReport report = new QueryReport("d", side("zipkin", latency(1, 4, 0, 0), latency(900, 1300, 0, 0)),
        new SideOutcome("spoor", 1, 0, 0xdefL, latency(1, 2, 0, 0), latency(10, 65, 0, 0), null));

    assertThat(report.toTable()).contains("WARNING: the two sides got different data (fingerprints differ)");
  }
}
