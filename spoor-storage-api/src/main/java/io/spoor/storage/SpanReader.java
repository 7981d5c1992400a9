package io.spoor.storage;

import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads spans. Thread-safe. Returned collections are the caller's; they may be unmodifiable. Readers
 * return spans as stored: no de-duplication, no clock-skew adjustment (the query service does that
 * once).
 */
public interface SpanReader {
  /**
   * Every span stored for this id, across all batches, or empty when none is stored.
   *
   * @param hint where to look first; a backend may ignore it, and must not drop spans outside it
   *     when it cannot tell where they are
   */
  Optional<Trace> getTrace(TraceId traceId, TimeWindow hint);

  /** {@link #getTrace(TraceId, TimeWindow)} without a hint. */
  default Optional<Trace> getTrace(TraceId traceId) {
    return getTrace(traceId, TimeWindow.UNBOUNDED);
  }

  /**
   * The traces with at least one span that matches {@code query} (see {@link TraceQuery#matches}),
   * each whole, newest first (by the trace's earliest span start), at most {@link
   * TraceQuery#limit()} traces. Empty when nothing matches.
   *
   * @throws UnsupportedQueryException when the backend cannot evaluate this combination of criteria
   */
  List<Trace> findTraces(TraceQuery query);

  /** The ids of what {@link #findTraces} would return, in the same order. */
  List<TraceId> findTraceIds(TraceQuery query);

  /** Every service name with stored spans, sorted. */
  List<String> getServices();

  /**
   * The distinct operations of a service, sorted by name then kind.
   *
   * @param kind only operations of this kind; null for every kind
   */
  List<Operation> getOperations(String service, @Nullable SpanKind kind);

  /**
   * Calls {@code consumer} once for every trace that has a span starting in {@code window}, each
   * whole (as {@link #getTrace(TraceId, TimeWindow)} returns it), in no particular order: the input of
   * batch jobs such as the dependency links. The default searches each service's traces of the
   * window ({@link #getServices()}, {@link #findTraceIds}); a backend that can scan by time overrides
   * it to stream without holding the window's ids.
   */
  default void scanTraces(TimeWindow window, Consumer<Trace> consumer) {
    Set<TraceId> seen = new HashSet<>();
    for (String service : getServices()) {
      TraceQuery query = TraceQuery.newBuilder()
          .serviceName(service)
          .startTimeMinNanos(window.startNanos())
          .startTimeMaxNanos(window.endNanos())
          .limit(Integer.MAX_VALUE)
          .build();
      for (TraceId id : findTraceIds(query)) {
        if (seen.add(id)) {
          getTrace(id, window).ifPresent(consumer);
        }
      }
    }
  }
}
