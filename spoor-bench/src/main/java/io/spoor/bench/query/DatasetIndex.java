package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a {@link Dataset} holds: every trace (in the order sent) with its span count, each service with the
 * number of traces it has a span in, the span total and the window from the earliest span start to the
 * latest span end.
 */
record DatasetIndex(List<TraceRef> traces, Map<String, Integer> tracesPerService, int spanCount,
    SearchWindow span) {
  DatasetIndex {
    traces = List.copyOf(traces);
    tracesPerService = Collections.unmodifiableMap(new TreeMap<>(tracesPerService));
    requireNonNull(span, "span");
    if (traces.isEmpty() || tracesPerService.isEmpty()) {
      throw new IllegalArgumentException("dataset: " + traces.size() + " traces, " + tracesPerService.size()
          + " services (expected: at least one of each)");
    }
  }

  /** A stored trace: its id as 32 hex digits and how many spans it has. */
  record TraceRef(String traceIdHex, int spanCount) {
    TraceRef {
      requireNonNull(traceIdHex, "traceIdHex");
      if (spanCount < 1) {
        throw new IllegalArgumentException("spanCount: " + spanCount + " (expected: >= 1)");
      }
    }
  }

  /** The service names in alphabetical order. */
  List<String> services() {
    return List.copyOf(tracesPerService.keySet());
  }

  /** The traces a search for {@code service} can find. */
  int tracesOf(String service) {
    return tracesPerService.getOrDefault(service, 0);
  }

  /**
   * A digest of the trace ids and span counts in order, equal for two indexes of the same data: the check
   * that both servers got the same spans.
   */
  long fingerprint() {
    long hash = 1125899906842597L;
    for (TraceRef trace : traces) {
      hash = 31 * hash + trace.traceIdHex().hashCode();
      hash = 31 * hash + trace.spanCount();
    }
    return hash;
  }

  /** The search window: the data's span with {@code marginMicros} either side. */
  SearchWindow searchWindow(long marginMicros) {
    return new SearchWindow(Math.max(0, span.startMicros() - marginMicros), span.endMicros() + marginMicros);
  }
}
