package io.spoor.query.adjust;

import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zipkin-style clients give the client and the server side of one call the same span id. The UI needs
 * unique ids, so, as Jaeger does, a server span that shares its id with a client span gets a fresh
 * id (one above the largest in the trace), becomes a child of the client span, and the spans that
 * named the shared id as their parent (the server's children) now name the new id. Each moved span
 * gets a warning.
 */
final class SharedSpanIdAdjuster implements TraceAdjuster {
  @Override
  public Trace adjust(Trace trace) {
    Set<SpanId> clientIds = new HashSet<>();
    Set<SpanId> usedIds = new HashSet<>();
    long maxId = 0;
    for (Span span : trace.spans()) {
      usedIds.add(span.spanId());
      maxId = Math.max(maxId, span.spanId().value());
      if (span.kind() == SpanKind.CLIENT) {
        clientIds.add(span.spanId());
      }
    }
    Map<SpanId, SpanId> oldToNew = new HashMap<>();
    List<Span> spans = new ArrayList<>(trace.spans().size());
    for (Span span : trace.spans()) {
      if (span.kind() != SpanKind.SERVER || !clientIds.contains(span.spanId())) {
        spans.add(span);
        continue;
      }
      SpanId oldId = span.spanId();
      SpanId newId;
      do {
        newId = SpanId.of(++maxId);
      } while (usedIds.contains(newId));
      usedIds.add(newId);
      oldToNew.put(oldId, newId);
      spans.add(span.toBuilder()
          .spanId(newId)
          .references(withParent(span.references(), span, oldId))
          .addWarning("span id " + oldId + " was shared with a client span; shown as " + newId)
          .build());
    }
    if (oldToNew.isEmpty()) {
      return trace;
    }
    for (int i = 0; i < spans.size(); i++) {
      Span span = spans.get(i);
      SpanId parent = span.parentSpanId();
      SpanId replacement = oldToNew.get(parent);
      if (replacement != null && !span.spanId().equals(replacement)) {
        spans.set(i, span.toBuilder()
            .references(withParent(span.references(), span, replacement)).build());
      }
    }
    return new Trace(spans, trace.warnings());
  }

  /** The references with the parent (first CHILD_OF into the trace) replaced or added first. */
  private static List<SpanRef> withParent(List<SpanRef> refs, Span span, SpanId parent) {
    List<SpanRef> out = new ArrayList<>(refs.size() + 1);
    out.add(SpanRef.childOf(span.traceId(), parent));
    boolean replaced = false;
    for (SpanRef ref : refs) {
      if (!replaced && ref.type() == RefType.CHILD_OF && ref.traceId().equals(span.traceId())) {
        replaced = true;
        continue;
      }
      out.add(ref);
    }
    return out;
  }
}
