package io.spoor.bench.compare;

import static io.spoor.bench.load.JsonString.quote;
import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.JsonString;
import io.spoor.bench.load.LoadReport;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Puts a peer's and Spoor's results side by side: a table with one row per concurrency and the ratio of
 * accepted spans per second (Spoor / peer), and the same as JSON.
 */
public record ComparisonReport(String description, List<Integer> concurrencies, SideResult peer,
    SideResult spoor) {

  static final double TARGET_RATIO = 2.0;
  static final double NO_FALL_FRACTION = 0.95;

  public ComparisonReport {
    requireNonNull(description, "description");
    concurrencies = List.copyOf(concurrencies);
    requireNonNull(peer, "peer");
    requireNonNull(spoor, "spoor");
  }

  /** Spoor's accepted spans/s over the peer's at {@code concurrency}, empty unless both were measured. */
  public OptionalDouble ratio(int concurrency) {
    Optional<PointResult> peerPoint = peer.at(concurrency);
    Optional<PointResult> spoorPoint = spoor.at(concurrency);
    if (peerPoint.isEmpty() || spoorPoint.isEmpty() || peerPoint.get().load().spansPerSecond() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(spoorPoint.get().load().spansPerSecond() / peerPoint.get().load().spansPerSecond());
  }

  /** The human-readable table, ending with why a side is missing, if one is. */
  public String toTable() {
    StringBuilder out = new StringBuilder(description).append('\n');
    out.append(String.format(Locale.ROOT, "%5s | %-62s | %-62s | %s%n", "conns",
        peer.name() + ": spans/s, p50/p99 ms, 429s, errors, peak heap",
        spoor.name() + ": spans/s, p50/p99 ms, 429s, errors, peak heap", spoor.name() + "/" + peer.name()));
    for (int concurrency : concurrencies) {
      OptionalDouble ratio = ratio(concurrency);
      out.append(String.format(Locale.ROOT, "%5d | %-62s | %-62s | %s%n", concurrency, cell(peer, concurrency),
          cell(spoor, concurrency), ratio.isPresent() ? String.format(Locale.ROOT, "%.2fx", ratio.getAsDouble()) : "-"));
    }
    targets().forEach(target -> out.append(target).append('\n'));
    for (SideResult side : List.of(peer, spoor)) {
      if (side.unavailableReason() != null) {
        out.append(side.name()).append(" side not available: ").append(side.unavailableReason()).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The throughput targets, checked where both figures exist: Spoor at least {@link #TARGET_RATIO} times
   * the peer at each point, and Spoor at the highest concurrency not below {@link #NO_FALL_FRACTION} of its
   * figure at the lowest (a 5% allowance for noise on a shared machine).
   */
  public List<String> targets() {
    List<String> targets = new java.util.ArrayList<>();
    for (int concurrency : concurrencies) {
      ratio(concurrency).ifPresent(ratio -> targets.add(String.format(Locale.ROOT,
          "target c=%d: %s/%s = %.2f (expected: >= %.1f): %s", concurrency, spoor.name(), peer.name(), ratio,
          TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED")));
    }
    int lowest = concurrencies.stream().min(Integer::compare).orElseThrow();
    int highest = concurrencies.stream().max(Integer::compare).orElseThrow();
    Optional<PointResult> low = spoor.at(lowest);
    Optional<PointResult> high = spoor.at(highest);
    if (lowest != highest && low.isPresent() && high.isPresent()) {
      double from = low.get().load().spansPerSecond();
      double to = high.get().load().spansPerSecond();
      targets.add(String.format(Locale.ROOT, "target %s c=%d -> c=%d: %.0f -> %.0f spans/s (expected: no fall, "
          + ">= %.0f%%): %s", spoor.name(), lowest, highest, from, to, NO_FALL_FRACTION * 100,
          to >= from * NO_FALL_FRACTION ? "met" : "MISSED"));
    }
    return targets;
  }

  private static String cell(SideResult side, int concurrency) {
    return side.at(concurrency).map(point -> {
      LoadReport load = point.load();
      return String.format(Locale.ROOT, "%10.0f  %7.2f/%-8.2f %6d %6d  %s", load.spansPerSecond(),
          load.p50Millis(), load.p99Millis(), load.throttledRequests(), load.failedRequests(),
          mebibytes(point.peakHeapBytes()));
    }).orElse(side.unavailableReason() != null ? "not available" : "not run");
  }

  /** The report as one JSON object. */
  public String toJson() {
    String ratios = concurrencies.stream()
        .map(c -> "\"" + c + "\":" + (ratio(c).isPresent() ? String.format(Locale.ROOT, "%.3f", ratio(c).getAsDouble()) : "null"))
        .collect(Collectors.joining(",", "{", "}"));
    return "{\"description\":" + quote(description) + ",\"peer\":" + side(peer) + ",\"spoor\":" + side(spoor)
        + ",\"ratios\":" + ratios + ",\"targets\":"
        + targets().stream().map(JsonString::quote).collect(Collectors.joining(",", "[", "]")) + "}";
  }

  private static String side(SideResult side) {
    String points = side.points().stream()
        .map(point -> "{\"load\":" + point.load().toJson() + ",\"peakHeapBytes\":" + point.peakHeapBytes()
            + ",\"heapSource\":" + quote(point.heapSource()) + "}")
        .collect(Collectors.joining(",", "[", "]"));
    String reason = side.unavailableReason();
    return "{\"name\":" + quote(side.name()) + ",\"points\":" + points + ",\"unavailableReason\":"
        + (reason == null ? "null" : quote(reason)) + "}";
  }

  static String mebibytes(long bytes) {
    return bytes < 0 ? "n/a" : (bytes >> 20) + " MiB";
  }
}
