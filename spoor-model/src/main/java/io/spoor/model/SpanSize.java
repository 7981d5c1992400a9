package io.spoor.model;

import java.util.List;

/**
 * A cheap estimate of a span's heap footprint, so that queues and in-memory stores can be bounded in
 * bytes rather than only in counts. It errs on the high side: object headers and references are
 * counted generously and strings as two bytes a char.
 */
public final class SpanSize {
  private static final int SPAN_BASE = 160;
  private static final int OBJECT = 32;

  private SpanSize() {}

  /** Estimated bytes of heap the span holds, its process included. */
  public static long estimate(Span span) {
    long size = SPAN_BASE + text(span.operationName()) + tags(span.tags());
    size += span.references().size() * (long) (OBJECT * 3);
    for (Log log : span.logs()) {
      size += OBJECT + tags(log.fields());
    }
    // The process is usually shared by every span of a batch; count it anyway, it is small.
    size += OBJECT + text(span.serviceName()) + tags(span.process().tags());
    return size;
  }

  private static long tags(List<KeyValue> tags) {
    long size = OBJECT;
    for (KeyValue kv : tags) {
      size += OBJECT + text(kv.key());
      if (kv.type() == ValueType.STRING) {
        size += text(kv.stringValue());
      } else if (kv.type() == ValueType.BINARY) {
        size += 16 + kv.binaryLength();
      }
    }
    return size;
  }

  private static long text(String s) {
    return 40 + 2L * s.length();
  }
}
