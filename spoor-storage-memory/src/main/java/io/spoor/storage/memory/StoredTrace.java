package io.spoor.storage.memory;

import io.spoor.model.Span;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.TraceQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The spans of one trace as written, in write order. The spans themselves are shared, never copied.
 * Not thread-safe: {@link TraceTable} guards it.
 */
final class StoredTrace {
  private final TraceId id;
  private final List<Span> spans = new ArrayList<>(4);
  private long startNanos = Long.MAX_VALUE;
  private long bytes;

  StoredTrace(TraceId id) {
    this.id = id;
  }

  TraceId id() {
    return id;
  }

  void add(Span span, long estimatedBytes) {
    spans.add(span);
    bytes += estimatedBytes;
    startNanos = Math.min(startNanos, span.startTimeNanos());
  }

  List<Span> spans() {
    return spans;
  }

  /** Estimated heap held by the spans. */
  long bytes() {
    return bytes;
  }

  /** The earliest span start, epoch ns. */
  long startNanos() {
    return startNanos;
  }

  /** Whether one span satisfies every criterion. */
  boolean anySpanMatches(TraceQuery query) {
    for (Span span : spans) {
      if (query.matches(span)) {
        return true;
      }
    }
    return false;
  }

  Set<String> services() {
    Set<String> out = new LinkedHashSet<>();
    for (Span span : spans) {
      out.add(span.serviceName());
    }
    return out;
  }

  /** A snapshot for a reader: a new list of the same span objects. */
  Trace toTrace() {
    return Trace.of(spans);
  }
}
