package io.spoor.query.v3;

import io.spoor.model.KeyValue;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.model.ValueType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a search result list shows of a trace without its spans, as api_v3's {@code TraceSummary}
 * defines it. The root is the earliest span without a parent; with none, the earliest span whose parent
 * is missing; with none either, the earliest span. A span counts as an error when it carries {@code
 * error=true} (bool or string) or {@code otel.status_code=ERROR}, the tags Jaeger maps OTel's error
 * status to. An orphan is a span whose parent is not in the trace.
 *
 * @param minStartTimeNanos the earliest span start, epoch ns
 * @param maxEndTimeNanos the latest span end (start + duration), epoch ns
 * @param services one entry per service, sorted by name
 */
public record TraceSummary(TraceId traceId, String rootServiceName, String rootOperationName,
    long minStartTimeNanos, long maxEndTimeNanos, int spanCount, int errorSpanCount,
    int orphanSpanCount, List<ServiceSummary> services) {

  /** The spans one service contributed to a trace. */
  public record ServiceSummary(String name, int spanCount, int errorSpanCount) {
    public ServiceSummary {
      Objects.requireNonNull(name, "name");
    }
  }

  public TraceSummary {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(rootServiceName, "rootServiceName");
    Objects.requireNonNull(rootOperationName, "rootOperationName");
    services = List.copyOf(services);
  }

  /** Summarizes a (non-empty) trace. */
  public static TraceSummary of(Trace trace) {
    List<Span> spans = trace.spans();
    Set<SpanId> ids = new HashSet<>();
    for (Span s : spans) {
      ids.add(s.spanId());
    }
    Span root = null;
    Span orphanRoot = null;
    Span earliest = null;
    long minStart = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;
    int errors = 0;
    int orphans = 0;
    TreeMap<String, int[]> byService = new TreeMap<>();
    for (Span s : spans) {
      SpanId parent = s.parentSpanId();
      boolean orphan = !parent.isZero() && !ids.contains(parent);
      if (parent.isZero()) {
        root = earlier(root, s);
      } else if (orphan) {
        orphanRoot = earlier(orphanRoot, s);
        orphans++;
      }
      earliest = earlier(earliest, s);
      minStart = Math.min(minStart, s.startTimeNanos());
      maxEnd = Math.max(maxEnd, s.startTimeNanos() + s.durationNanos());
      boolean error = isError(s);
      int[] counts = byService.computeIfAbsent(s.serviceName(), k -> new int[2]);
      counts[0]++;
      if (error) {
        counts[1]++;
        errors++;
      }
    }
    Span chosen = root != null ? root : orphanRoot != null ? orphanRoot : earliest;
    List<ServiceSummary> services = new ArrayList<>(byService.size());
    byService.forEach((name, c) -> services.add(new ServiceSummary(name, c[0], c[1])));
    return new TraceSummary(trace.traceId(), chosen.serviceName(), chosen.operationName(), minStart,
        maxEnd, spans.size(), errors, orphans, services);
  }

  private static Span earlier(@Nullable Span current, Span candidate) {
    return current == null || candidate.startTimeNanos() < current.startTimeNanos() ? candidate : current;
  }

  static boolean isError(Span span) {
    for (KeyValue tag : span.tags()) {
      if (tag.key().equals("error")) {
        if (tag.type() == ValueType.BOOL ? tag.boolValue() : tag.valueAsString().equals("true")) {
          return true;
        }
      } else if (tag.key().equals("otel.status_code") && tag.valueAsString().equals("ERROR")) {
        return true;
      }
    }
    return false;
  }
}
