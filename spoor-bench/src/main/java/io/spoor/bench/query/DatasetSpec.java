package io.spoor.bench.query;

/**
 * What to generate: {@code spans} spans in requests of {@code spansPerRequest}, multi-service traces of 3 to
 * 12 spans over {@code services} services, from {@code seed}. Trace {@code i} starts at about
 * {@code originMicros + i * stepMicros}, so the data covers a stretch of time as a live system's would
 * instead of one instant. The same spec always gives the same spans.
 */
record DatasetSpec(int spans, int services, int spansPerRequest, long seed, long originMicros, long stepMicros) {
  /** The mean trace size of the generator (3 to 12 spans, uniform). */
  static final double MEAN_TRACE_SPANS = 7.5;

  DatasetSpec {
    if (spans < 1) {
      throw new IllegalArgumentException("spans: " + spans + " (expected: >= 1)");
    }
    if (services < 1) {
      throw new IllegalArgumentException("services: " + services + " (expected: >= 1)");
    }
    if (spansPerRequest < 1) {
      throw new IllegalArgumentException("spansPerRequest: " + spansPerRequest + " (expected: >= 1)");
    }
    if (originMicros < 0 || stepMicros < 0) {
      throw new IllegalArgumentException("originMicros, stepMicros: " + originMicros + ", " + stepMicros
          + " (expected: >= 0)");
    }
  }

  /**
   * A spec whose traces end about one second before {@code endMicros} and spread evenly over
   * {@code spreadMicros} before it.
   */
  static DatasetSpec endingAt(int spans, int services, int spansPerRequest, long seed, long endMicros,
      long spreadMicros) {
    long expectedTraces = Math.max(1, Math.round(spans / MEAN_TRACE_SPANS));
    long step = Math.max(1, spreadMicros / expectedTraces);
    return new DatasetSpec(spans, services, spansPerRequest, seed,
        Math.max(0, endMicros - spreadMicros - 1_000_000), step);
  }

  /** The number of requests the spans are sent in. */
  int requests() {
    return (spans + spansPerRequest - 1) / spansPerRequest;
  }
}
