package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Zipkin's and Spoor's query latencies side by side, with the targets: Spoor's trace-by-id p99 at
 * most Zipkin's, and Spoor's search p99 at most a tenth of Zipkin's. A target counts as met only when both
 * series were measured and every timed request of both answered completely; otherwise it is "not judged".
 */
public record QueryReport(String description, SideOutcome zipkin, SideOutcome spoor) {
  static final double TRACE_BY_ID_MAX_RATIO = 1.0;
  static final double SEARCH_MAX_RATIO = 0.1;

  public QueryReport {
    requireNonNull(description, "description");
    requireNonNull(zipkin, "zipkin");
    requireNonNull(spoor, "spoor");
  }

  /** Spoor's p99 over Zipkin's for trace-by-id, empty unless both were measured. */
  OptionalDouble traceByIdRatio() {
    return ratio(SideOutcome::traceById);
  }

  /** Spoor's p99 over Zipkin's for search, empty unless both were measured. */
  OptionalDouble searchRatio() {
    return ratio(SideOutcome::search);
  }

  private OptionalDouble ratio(Function<SideOutcome, LatencySummary> series) {
    if (!zipkin.measured() || !spoor.measured() || series.apply(zipkin).p99Millis() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(series.apply(spoor).p99Millis() / series.apply(zipkin).p99Millis());
  }

  /** One line per target: met, MISSED or not judged (with the reason). */
  public List<String> targets() {
    List<String> lines = new ArrayList<>();
    lines.add(target("trace-by-id", SideOutcome::traceById, TRACE_BY_ID_MAX_RATIO, "<= zipkin p99"));
    lines.add(target("search", SideOutcome::search, SEARCH_MAX_RATIO, "<= zipkin p99 / 10"));
    return lines;
  }

  private String target(String kind, Function<SideOutcome, LatencySummary> series, double maxRatio,
      String expected) {
    String prefix = "target " + kind + ": spoor p99 " + expected + ": ";
    if (!zipkin.measured() || !spoor.measured()) {
      return prefix + "not judged (a side was not measured)";
    }
    LatencySummary z = series.apply(zipkin);
    LatencySummary s = series.apply(spoor);
    if (z.good() != z.requests() || s.good() != s.requests()) {
      return prefix + "not judged (failed or incomplete answers: zipkin " + (z.requests() - z.good())
          + ", spoor " + (s.requests() - s.good()) + ")";
    }
    double ratio = s.p99Millis() / z.p99Millis();
    return String.format(Locale.ROOT, "%s%.2f ms vs %.2f ms, ratio %.4f (expected: <= %.2f): %s", prefix,
        s.p99Millis(), z.p99Millis(), ratio, maxRatio, ratio <= maxRatio ? "met" : "MISSED");
  }

  public String toTable() {
    StringBuilder out = new StringBuilder(description).append('\n');
    out.append(String.format(Locale.ROOT, "%-12s | %-40s | %-40s | %s%n", "query",
        "zipkin p50 / p99 / max ms (n, bad, items)", "spoor p50 / p99 / max ms (n, bad, items)",
        "p99 spoor/zipkin"));
    row(out, "trace-by-id", SideOutcome::traceById, traceByIdRatio());
    row(out, "search", SideOutcome::search, searchRatio());
    for (SideOutcome side : List.of(zipkin, spoor)) {
      if (side.measured()) {
        out.append(String.format(Locale.ROOT, "%s: loaded in %.1f s (%d retried requests), data fingerprint %s%n",
            side.name(), side.loadSeconds(), side.loadRetries(), Long.toHexString(side.dataFingerprint())));
      }
    }
    if (zipkin.measured() && spoor.measured() && zipkin.dataFingerprint() != spoor.dataFingerprint()) {
      out.append("WARNING: the two sides got different data (fingerprints differ)\n");
    }
    targets().forEach(line -> out.append(line).append('\n'));
    for (SideOutcome side : List.of(zipkin, spoor)) {
      if (side.unavailableReason() != null) {
        out.append(side.name()).append(" side not available: ").append(side.unavailableReason()).append('\n');
      }
    }
    return out.toString();
  }

  private void row(StringBuilder out, String kind, Function<SideOutcome, LatencySummary> series,
      OptionalDouble ratio) {
    out.append(String.format(Locale.ROOT, "%-12s | %-40s | %-40s | %s%n", kind, cell(zipkin, series),
        cell(spoor, series), ratio.isPresent() ? String.format(Locale.ROOT, "%.4f", ratio.getAsDouble()) : "-"));
  }

  private static String cell(SideOutcome side, Function<SideOutcome, LatencySummary> series) {
    if (!side.measured()) {
      return "not available";
    }
    LatencySummary s = series.apply(side);
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f (%d, %d, %.1f)", s.p50Millis(), s.p99Millis(),
        s.maxMillis(), s.requests(), s.requests() - s.good(), s.meanItems());
  }

  public String toJson() {
    return "{\"description\":" + JsonString.quote(description) + ",\"zipkin\":" + zipkin.toJson()
        + ",\"spoor\":" + spoor.toJson()
        + ",\"p99Ratios\":{\"traceById\":" + format(traceByIdRatio()) + ",\"search\":" + format(searchRatio()) + "}"
        + ",\"targets\":" + targets().stream().map(JsonString::quote).collect(Collectors.joining(",", "[", "]"))
        + "}";
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.5f", value.getAsDouble()) : "null";
  }
}
