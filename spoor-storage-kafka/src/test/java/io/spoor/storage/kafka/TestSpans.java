package io.spoor.storage.kafka;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Spans with every kind of field, so an encoding that loses one is noticed. */
final class TestSpans {
  private TestSpans() {}

  static List<Span> trace(TraceId id, int spans) {
    long start = 1_700_000_000_123_456_789L;
    List<Span> out = new ArrayList<>();
    for (int i = 1; i <= spans; i++) {
      Span.Builder b = Span.newBuilder().traceId(id).spanId(SpanId.of(i)).operationName("op-" + i)
          .flags(Span.FLAG_SAMPLED)
          .process(Process.of("svc-" + (i % 2), KeyValue.of("host", "h1"), KeyValue.of("pid", 42L)))
          .startTimeNanos(start + i * 1_000L).durationNanos(5_000L + i)
          .addTag(KeyValue.of("s", "v" + i)).addTag(KeyValue.of("b", true)).addTag(KeyValue.of("i", (long) i))
          .addTag(KeyValue.of("f", 1.5)).addTag(KeyValue.ofBinary("bin", "xy".getBytes(StandardCharsets.UTF_8)))
          .addLog(Log.of(start + 7, KeyValue.of("event", "e" + i)));
      if (i > 1) {
        b.addReference(SpanRef.childOf(id, SpanId.of(1)));
      }
      out.add(b.build());
    }
    return out;
  }
}
