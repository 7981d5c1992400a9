package io.spoor.storage.rocksdb;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Spans for the backend's own tests: one trace per id, a root and its children. */
final class TestSpans {
  private TestSpans() {}

  /**
   * {@code count} spans of trace {@code traceId} in {@code service}: span 1 is the root, the others
   * its children; every span has a tag {@code batch=<traceId>} and one of {@code padding} random
   * (incompressible) chars.
   */
  static List<Span> trace(long traceId, String service, int count, long startNanos, int padding) {
    List<Span> spans = new ArrayList<>(count);
    Random random = new Random(traceId);
    for (int i = 1; i <= count; i++) {
      Span.Builder span = Span.newBuilder()
          .traceId(TraceId.of(traceId))
          .spanId(SpanId.of(i))
          .operationName(i == 1 ? "root" : "child-" + (i % 5))
          .process(Process.of(service, KeyValue.of("host", "h1")))
          .startTimeNanos(startNanos + i * 1_000L)
          .durationNanos(1_000_000L * i)
          .addTag(KeyValue.of("batch", traceId))
          .addTag(KeyValue.of("padding", randomText(random, padding)));
      if (i > 1) {
        span.addReference(SpanRef.childOf(TraceId.of(traceId), SpanId.of(1)));
      }
      spans.add(span.build());
    }
    return spans;
  }

  private static String randomText(Random random, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = (char) ('!' + random.nextInt(94));
    }
    return new String(out);
  }
}
