package io.spoor.query.adjust;

import io.spoor.model.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Repairs one kind of defect in a trace read from storage. Stateless, thread-safe. */
@FunctionalInterface
public interface TraceAdjuster {
  Trace adjust(Trace trace);

  /** Applies each adjuster in order. */
  static TraceAdjuster chain(List<TraceAdjuster> adjusters) {
    List<TraceAdjuster> copy = List.copyOf(adjusters);
    return trace -> {
      Trace t = trace;
      for (TraceAdjuster adjuster : copy) {
        t = adjuster.adjust(t);
      }
      return t;
    };
  }

  /**
   * The query service's chain, in Jaeger's order: drop exact duplicate spans, give Zipkin shared
   * server spans their own id, correct clock skew (only when {@code maxClockSkewAdjustment} is
   * above zero; off by default), put the parent reference first, sort tags.
   */
  static TraceAdjuster standard(Duration maxClockSkewAdjustment) {
    List<TraceAdjuster> chain = new ArrayList<>();
    chain.add(new DuplicateSpanAdjuster());
    chain.add(new SharedSpanIdAdjuster());
    if (maxClockSkewAdjustment.compareTo(Duration.ZERO) > 0) {
      chain.add(new ClockSkewAdjuster(maxClockSkewAdjustment));
    }
    chain.add(new ParentReferenceAdjuster());
    chain.add(new SortTagsAdjuster());
    return chain(chain);
  }
}
