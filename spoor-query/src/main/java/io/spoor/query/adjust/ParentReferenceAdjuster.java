package io.spoor.query.adjust;

import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a span's parent reference to the front of its references, because the UI takes the first
 * reference as the parent: the first CHILD_OF into the same trace, else the first FOLLOWS_FROM into
 * the same trace. Not a repair of data: no warning.
 */
final class ParentReferenceAdjuster implements TraceAdjuster {
  @Override
  public Trace adjust(Trace trace) {
    List<Span> spans = new ArrayList<>(trace.spans().size());
    boolean changed = false;
    for (Span span : trace.spans()) {
      int parent = parentIndex(span);
      if (parent <= 0) {
        spans.add(span);
        continue;
      }
      List<SpanRef> refs = new ArrayList<>(span.references());
      refs.add(0, refs.remove(parent));
      spans.add(span.toBuilder().references(refs).build());
      changed = true;
    }
    return changed ? new Trace(spans, trace.warnings()) : trace;
  }

  private static int parentIndex(Span span) {
    List<SpanRef> refs = span.references();
    int followsFrom = -1;
    for (int i = 0; i < refs.size(); i++) {
      SpanRef ref = refs.get(i);
      if (!ref.traceId().equals(span.traceId())) {
        continue;
      }
      if (ref.type() == RefType.CHILD_OF) {
        return i;
      }
      if (followsFrom < 0) {
        followsFrom = i;
      }
    }
    return followsFrom;
  }
}
