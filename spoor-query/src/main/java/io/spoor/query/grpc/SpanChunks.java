package io.spoor.query.grpc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the spans of a trace into stream messages of at most {@link #MAX_SPANS} spans, so a big trace
 * stays far below gRPC's default 4 MiB message limit. Clients merge consecutive chunks of one trace,
 * as Jaeger's do.
 */
final class SpanChunks {
  static final int MAX_SPANS = 1_000;

  private SpanChunks() {}

  static <T> List<List<T>> of(List<T> spans) {
    List<List<T>> out = new ArrayList<>();
    for (int from = 0; from < spans.size(); from += MAX_SPANS) {
      out.add(spans.subList(from, Math.min(spans.size(), from + MAX_SPANS)));
    }
    return out;
  }
}
