package io.spoor.bench.load;

import static io.spoor.bench.load.JsonString.quote;
import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of one load run, counted only for requests started after the warm-up.
 *
 * @param seconds from the end of the warm-up to the last response, so throughput is never flattered by
 *     requests that finished after the nominal deadline
 * @param outcomes request counts by label: HTTP status ({@code "202"}, {@code "429"}), gRPC status code or
 *     exception class
 */
public record LoadReport(
    String format,
    String target,
    int concurrency,
    double seconds,
    long requests,
    long acceptedRequests,
    long acceptedSpans,
    long throttledRequests,
    long failedRequests,
    Map<String, Long> outcomes,
    double p50Millis,
    double p99Millis,
    double maxMillis) {

  public LoadReport {
    requireNonNull(format, "format");
    requireNonNull(target, "target");
    outcomes = Map.copyOf(outcomes);
  }

  /** Accepted spans per second over the measured window; 0 for an empty window. */
  public double spansPerSecond() {
    return seconds > 0 ? acceptedSpans / seconds : 0;
  }

  /** One human-readable line. */
  public String summaryLine() {
    return String.format(Locale.ROOT,
        "%s c=%d %.1fs: %.0f spans/s accepted, %d requests (%d ok, %d throttled, %d failed), "
            + "p50 %.2f ms, p99 %.2f ms, max %.2f ms, outcomes %s",
        format, concurrency, seconds, spansPerSecond(), requests, acceptedRequests, throttledRequests,
        failedRequests, p50Millis, p99Millis, maxMillis, new TreeMap<>(outcomes));
  }

  /** The report as one JSON object on one line. */
  public String toJson() {
    String outcomeJson = new TreeMap<>(outcomes).entrySet().stream()
        .map(entry -> quote(entry.getKey()) + ":" + entry.getValue())
        .collect(Collectors.joining(",", "{", "}"));
    return String.format(Locale.ROOT,
        "{\"format\":%s,\"target\":%s,\"concurrency\":%d,\"seconds\":%.3f,\"spansPerSecond\":%.1f,"
            + "\"requests\":%d,\"acceptedRequests\":%d,\"acceptedSpans\":%d,\"throttledRequests\":%d,"
            + "\"failedRequests\":%d,\"outcomes\":%s,\"p50Millis\":%.3f,\"p99Millis\":%.3f,\"maxMillis\":%.3f}",
        quote(format), quote(target), concurrency, seconds, spansPerSecond(), requests, acceptedRequests,
        acceptedSpans, throttledRequests, failedRequests, outcomeJson, p50Millis, p99Millis, maxMillis);
  }
}
