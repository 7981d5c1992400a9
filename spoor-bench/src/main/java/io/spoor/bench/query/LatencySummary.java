package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The timed requests of one kind against one server: how many, latency quantiles in milliseconds, how many
 * failed (non-200 or no answer) and how many answered 200 with less than expected (a trace missing spans, a
 * search with no trace), and the mean number of items per answer (spans per trace, traces per search).
 */
public record LatencySummary(long requests, double p50Millis, double p99Millis, double maxMillis, long failed,
    long incomplete, double meanItems, String firstProblem) {

  public LatencySummary {
    requireNonNull(firstProblem, "firstProblem");
  }

  /** The requests that answered 200 with everything expected. */
  long good() {
    return requests - failed - incomplete;
  }

  String toJson() {
    return String.format(Locale.ROOT, "{\"requests\":%d,\"p50Millis\":%.3f,\"p99Millis\":%.3f,\"maxMillis\":%.3f,"
            + "\"failed\":%d,\"incomplete\":%d,\"meanItems\":%.2f,\"firstProblem\":%s}", requests, p50Millis,
        p99Millis, maxMillis, failed, incomplete, meanItems,
        io.spoor.bench.load.JsonString.quote(firstProblem));
  }
}
