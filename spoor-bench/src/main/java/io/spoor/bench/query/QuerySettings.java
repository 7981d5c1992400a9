package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * One run's parameters: the data, the load's connections, the number of timed and untimed warm-up
 * requests of each kind, the search limit and the time limits.
 */
public record QuerySettings(DatasetSpec data, int loadConnections, int traceRequests, int searchRequests,
    int traceWarmup, int searchWarmup, int searchLimit, Duration requestTimeout, Duration startupTimeout, Duration storeTimeout) {

  public QuerySettings {
    requireNonNull(data, "data");
    positive("loadConnections", loadConnections);
    positive("traceRequests", traceRequests);
    positive("searchRequests", searchRequests);
    positive("searchLimit", searchLimit);
    if (traceWarmup < 0 || searchWarmup < 0) {
      throw new IllegalArgumentException("traceWarmup, searchWarmup: " + traceWarmup + ", " + searchWarmup
          + " (expected: >= 0)");
    }
    requireNonNull(requestTimeout, "requestTimeout");
    requireNonNull(startupTimeout, "startupTimeout");
    requireNonNull(storeTimeout, "storeTimeout");
  }

  /**
   * Settings for {@code spans} spans over {@code services} services sent {@code spansPerRequest} at a time,
   * the traces spread over {@code spread} before {@code endMicros}.
   */
  public static QuerySettings of(int spans, int services, int spansPerRequest, long seed, long endMicros,
      Duration spread, int loadConnections, int traceRequests, int searchRequests, int traceWarmup,
      int searchWarmup, int searchLimit, Duration requestTimeout, Duration startupTimeout, Duration storeTimeout) {
    return new QuerySettings(DatasetSpec.endingAt(spans, services, spansPerRequest, seed, endMicros,
        spread.toNanos() / 1000), loadConnections, traceRequests, searchRequests, traceWarmup, searchWarmup, searchLimit,
        requestTimeout, startupTimeout, storeTimeout);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: >= 1)");
    }
  }
}
