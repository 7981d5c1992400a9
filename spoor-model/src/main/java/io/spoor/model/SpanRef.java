package io.spoor.model;

import java.util.Objects;

/** A reference from one span to another, possibly in another trace. */
public record SpanRef(RefType type, TraceId traceId, SpanId spanId) {
  public SpanRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
  }

  public static SpanRef childOf(TraceId traceId, SpanId spanId) {
    return new SpanRef(RefType.CHILD_OF, traceId, spanId);
  }

  public static SpanRef followsFrom(TraceId traceId, SpanId spanId) {
    return new SpanRef(RefType.FOLLOWS_FROM, traceId, spanId);
  }
}
