package io.spoor.collector.pipeline;

import io.spoor.model.Span;
import io.spoor.model.SpanSize;
import java.util.List;
import java.util.Objects;

/**
 * Spans decoded from one request, with where they came from (for metrics) and their estimated heap
 * size (for the queue's memory bound).
 *
 * @param format the wire format, e.g. {@code jaeger}, {@code otlp}, {@code zipkin}
 * @param transport how it arrived, e.g. {@code grpc}, {@code http}, {@code udp}
 */
public record SpanBatch(List<Span> spans, String format, String transport, long estimatedBytes) {
  public SpanBatch {
    spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(transport, "transport");
    if (estimatedBytes < 0) {
      throw new IllegalArgumentException("estimatedBytes: " + estimatedBytes + " (expected: >= 0)");
    }
  }

  /** A batch whose size is estimated from its spans. */
  public static SpanBatch of(List<Span> spans, String format, String transport) {
    long bytes = 0;
    for (Span span : spans) {
      bytes += SpanSize.estimate(span);
    }
    return new SpanBatch(spans, format, transport, bytes);
  }

  public int size() {
    return spans.size();
  }
}
