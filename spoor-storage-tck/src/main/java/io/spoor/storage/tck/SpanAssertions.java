package io.spoor.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Span;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Field-by-field comparison of what a reader returned with what was written. */
final class SpanAssertions {
  /** Span id first; the rest only orders copies that share an id. */
  static final Comparator<Span> SPAN_ORDER = Comparator.comparing(Span::spanId)
      .thenComparingLong(Span::startTimeNanos)
      .thenComparing(Span::operationName)
      .thenComparingLong(Span::durationNanos)
      .thenComparing(Span::serviceName)
      .thenComparing(s -> s.tags().toString());

  private static final Comparator<KeyValue> TAG_ORDER = Comparator.comparing(KeyValue::key)
      .thenComparing(KeyValue::type)
      .thenComparing(KeyValue::valueAsString);

  private SpanAssertions() {}

  /** The written spans grouped by trace id, in trace id order. */
  static Map<TraceId, List<Span>> byTrace(List<Span> spans) {
    Map<TraceId, List<Span>> out = new TreeMap<>();
    for (Span span : spans) {
      out.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    return out;
  }

  /**
   * The traces are exactly {@code expected}: the same trace ids, each with the same spans (compared
   * after sorting by span id), in any order of traces.
   */
  static void assertTraces(String what, List<Trace> actual, Map<TraceId, List<Span>> expected) {
    Map<TraceId, Trace> actualById = new LinkedHashMap<>();
    int actualSpans = 0;
    for (Trace trace : actual) {
      assertThat(actualById.put(trace.traceId(), trace))
          .as("%s: trace %s returned twice", what, trace.traceId()).isNull();
      actualSpans += trace.spans().size();
    }
    assertThat(actualById.keySet()).as("%s: trace ids", what).containsExactlyInAnyOrderElementsOf(expected.keySet());
    assertThat(actualSpans).as("%s: span count over all traces", what)
        .isEqualTo(expected.values().stream().mapToInt(List::size).sum());
    for (Map.Entry<TraceId, List<Span>> e : expected.entrySet()) {
      assertSpans(what + ": trace " + e.getKey(), actualById.get(e.getKey()).spans(), e.getValue());
    }
  }

  /** The same spans, field by field, in any order. */
  static void assertSpans(String what, List<Span> actual, List<Span> expected) {
    List<Span> a = new ArrayList<>(actual);
    List<Span> x = new ArrayList<>(expected);
    a.sort(SPAN_ORDER);
    x.sort(SPAN_ORDER);
    assertThat(a).as("%s: span ids", what)
        .extracting(Span::spanId).containsExactlyElementsOf(x.stream().map(Span::spanId).toList());
    for (int i = 0; i < x.size(); i++) {
      assertSpan(what + ", span " + x.get(i).spanId(), a.get(i), x.get(i));
    }
  }

  static void assertSpan(String what, Span actual, Span expected) {
    assertThat(actual.traceId()).as("%s: traceId", what).isEqualTo(expected.traceId());
    assertThat(actual.spanId()).as("%s: spanId", what).isEqualTo(expected.spanId());
    assertThat(actual.operationName()).as("%s: operationName", what).isEqualTo(expected.operationName());
    assertThat(actual.references()).as("%s: references", what)
        .containsExactlyInAnyOrderElementsOf(expected.references());
    assertThat(actual.flags()).as("%s: flags", what).isEqualTo(expected.flags());
    assertThat(actual.startTimeNanos()).as("%s: startTime", what).isEqualTo(expected.startTimeNanos());
    assertThat(actual.durationNanos()).as("%s: duration", what).isEqualTo(expected.durationNanos());
    assertThat(sorted(actual.tags())).as("%s: tags", what).isEqualTo(sorted(expected.tags()));
    assertThat(sortedLogs(actual.logs())).as("%s: logs", what).isEqualTo(sortedLogs(expected.logs()));
    assertThat(actual.process().serviceName()).as("%s: process.serviceName", what)
        .isEqualTo(expected.process().serviceName());
    assertThat(sorted(actual.process().tags())).as("%s: process.tags", what)
        .isEqualTo(sorted(expected.process().tags()));
    assertThat(actual.warnings()).as("%s: warnings", what).isEqualTo(expected.warnings());
  }

  /**
   * Tags in a canonical order: stores may keep tags in another order than written (Jaeger's own
   * comparison sorts them too), but never lose, add or retype one.
   */
  private static List<KeyValue> sorted(List<KeyValue> tags) {
    List<KeyValue> out = new ArrayList<>(tags);
    out.sort(TAG_ORDER);
    return out;
  }

  private static List<Log> sortedLogs(List<Log> logs) {
    List<Log> out = new ArrayList<>(logs.size());
    for (Log log : logs) {
      out.add(new Log(log.timestampNanos(), sorted(log.fields())));
    }
    out.sort(Comparator.comparingLong(Log::timestampNanos).thenComparing(l -> l.fields().toString()));
    return out;
  }
}
