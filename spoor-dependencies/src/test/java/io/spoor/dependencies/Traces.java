package io.spoor.dependencies;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.List;

/** Builds spans of test traces: {@code span(id, parent, service, kind)} with start times in order. */
final class Traces {
  private final TraceId traceId;
  private final long startNanos;
  private final List<Span> spans = new ArrayList<>();

  Traces(long traceId, long startNanos) {
    this.traceId = TraceId.of(traceId);
    this.startNanos = startNanos;
  }

  Traces span(long id, long parent, String service, String kind, KeyValue... tags) {
    return add(id, parent == 0 ? List.of() : List.of(SpanRef.childOf(traceId, SpanId.of(parent))), service, kind, tags);
  }

  Traces followsFrom(long id, long parent, String service) {
    return add(id, List.of(SpanRef.followsFrom(traceId, SpanId.of(parent))), service, null);
  }

  Traces add(long id, List<SpanRef> refs, String service, String kind, KeyValue... tags) {
    List<KeyValue> all = new ArrayList<>(List.of(tags));
    if (kind != null) {
      all.add(KeyValue.of("span.kind", kind));
    }
    spans.add(Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.of(id))
        .operationName("op-" + id)
        .references(refs)
        .startTimeNanos(startNanos + spans.size() * 1_000L)
        .durationNanos(500L)
        .tags(all)
        .process(Process.of(service))
        .build());
    return this;
  }

  TraceId traceId() {
    return traceId;
  }

  List<Span> spans() {
    return List.copyOf(spans);
  }

  /**
   * A HotROD-like request: frontend → customer → mysql (uninstrumented, via peer.service), frontend
   * → driver → redis (uninstrumented) ×2, frontend → route ×3, and an in-process span in frontend.
   */
  static Traces hotRod(long traceId, long startNanos) {
    return new Traces(traceId, startNanos)
        .span(1, 0, "frontend", "server")
        .span(2, 1, "frontend", null)
        .span(3, 2, "frontend", "client")
        .span(4, 3, "customer", "server")
        .span(5, 4, "customer", "client", KeyValue.of("peer.service", "mysql"))
        .span(6, 1, "frontend", "client")
        .span(7, 6, "driver", "server")
        .span(8, 7, "driver", "client", KeyValue.of("peer.service", "redis"))
        .span(9, 7, "driver", "client", KeyValue.of("peer.service", "redis"))
        .span(10, 1, "frontend", "client")
        .span(11, 10, "route", "server")
        .span(12, 1, "frontend", "client")
        .span(13, 12, "route", "server")
        .span(14, 1, "frontend", "client")
        .span(15, 14, "route", "server");
  }
}
