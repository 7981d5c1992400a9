package io.spoor.query.adjust;

import io.spoor.model.Span;
import io.spoor.model.Trace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops spans that are exact copies of an earlier span of the trace (a client that retried, a
 * collector that wrote twice). Spans that only share an id are kept: {@link SharedSpanIdAdjuster}
 * handles those. The trace gets a warning with the number dropped.
 */
final class DuplicateSpanAdjuster implements TraceAdjuster {
  @Override
  public Trace adjust(Trace trace) {
    Set<Span> unique = new LinkedHashSet<>(trace.spans());
    int dropped = trace.spans().size() - unique.size();
    if (dropped == 0) {
      return trace;
    }
    List<String> warnings = new ArrayList<>(trace.warnings());
    warnings.add("dropped " + dropped + " duplicate span" + (dropped == 1 ? "" : "s"));
    return new Trace(new ArrayList<>(unique), warnings);
  }
}
