package io.spoor.query.adjust;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.Trace;
import io.spoor.storage.GoDuration;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Jaeger's clock-skew correction, opt-in ({@code --query.max-clock-skew-adjustment} above zero): a
 * child span recorded on another host that starts before or ends after its parent is moved to sit
 * centred inside it (or, when longer than the parent, to start with it). A span on the same host as
 * its parent is moved by the parent's correction. Corrections larger than the maximum are not applied.
 * Every correction, applied or refused, is written in the span's warnings.
 */
final class ClockSkewAdjuster implements TraceAdjuster {
  private static final String[] HOST_KEYS = {"ip", "hostname", "host.name", "host.ip"};

  private final long maxDeltaNanos;

  ClockSkewAdjuster(Duration maxDelta) {
    this.maxDeltaNanos = maxDelta.toNanos();
  }

  @Override
  public Trace adjust(Trace trace) {
    Map<SpanId, Span> byId = new LinkedHashMap<>();
    for (Span span : trace.spans()) {
      byId.putIfAbsent(span.spanId(), span);
    }
    Map<SpanId, List<Span>> children = new HashMap<>();
    List<Span> roots = new ArrayList<>();
    for (Span span : trace.spans()) {
      SpanId parent = span.parentSpanId();
      if (parent.isZero() || !byId.containsKey(parent) || parent.equals(span.spanId())) {
        roots.add(span);
      } else {
        children.computeIfAbsent(parent, k -> new ArrayList<>()).add(span);
      }
    }
    Map<Span, Span> adjusted = new HashMap<>();
    Deque<Span[]> work = new ArrayDeque<>(); // {original, adjusted parent}
    Deque<Long> inherited = new ArrayDeque<>();
    for (Span root : roots) {
      adjusted.put(root, root);
      for (Span child : children.getOrDefault(root.spanId(), List.of())) {
        work.push(new Span[] {child, root});
        inherited.push(0L);
      }
    }
    while (!work.isEmpty()) {
      Span[] item = work.pop();
      long parentDelta = inherited.pop();
      Span child = item[0];
      Span parent = item[1];
      if (adjusted.containsKey(child)) {
        continue; // a cycle or a repeated id: leave it as it is
      }
      Span result = child;
      long delta = parentDelta;
      String childHost = host(child);
      if (childHost.isEmpty() || childHost.equals(host(parent))) {
        result = shift(child, parentDelta,
            parentDelta == 0 ? null : "clock skew adjusted by " + format(parentDelta) + ", as its parent");
      } else {
        long own = skew(child, parent);
        if (Math.abs(own) > maxDeltaNanos) {
          delta = 0;
          result = child.toBuilder().addWarning("clock skew adjustment of " + format(own)
              + " exceeds the maximum of " + format(maxDeltaNanos) + "; not applied").build();
        } else {
          delta = own;
          result = shift(child, own, own == 0 ? null : "clock skew adjusted by " + format(own));
        }
      }
      adjusted.put(child, result);
      for (Span grandchild : children.getOrDefault(child.spanId(), List.of())) {
        work.push(new Span[] {grandchild, result});
        inherited.push(delta);
      }
    }
    List<Span> out = new ArrayList<>(trace.spans().size());
    boolean changed = false;
    for (Span span : trace.spans()) {
      Span a = adjusted.getOrDefault(span, span);
      changed |= a != span;
      out.add(a);
    }
    return changed ? new Trace(out, trace.warnings()) : trace;
  }

  /** How far the child must move to sit inside its (already adjusted) parent; 0 when it does. */
  private static long skew(Span child, Span parent) {
    long cs = child.startTimeNanos();
    long ce = cs + child.durationNanos();
    long ps = parent.startTimeNanos();
    long pe = ps + parent.durationNanos();
    if (child.durationNanos() > parent.durationNanos()) {
      return cs < ps ? ps - cs : 0;
    }
    if (cs >= ps && ce <= pe) {
      return 0;
    }
    long latency = (parent.durationNanos() - child.durationNanos()) / 2;
    return ps + latency - cs;
  }

  private static Span shift(Span span, long delta, @Nullable String warning) {
    if (delta == 0 && warning == null) {
      return span;
    }
    Span.Builder b = span.toBuilder().startTimeNanos(span.startTimeNanos() + delta);
    if (delta != 0) {
      List<Log> logs = new ArrayList<>(span.logs().size());
      for (Log log : span.logs()) {
        logs.add(new Log(log.timestampNanos() + delta, log.fields()));
      }
      b.logs(logs);
    }
    if (warning != null) {
      b.addWarning(warning);
    }
    return b.build();
  }

  private static String host(Span span) {
    for (String key : HOST_KEYS) {
      for (KeyValue kv : span.process().tags()) {
        if (kv.key().equals(key)) {
          return kv.valueAsString();
        }
      }
    }
    return "";
  }

  private static String format(long nanos) {
    return GoDuration.format(Duration.ofNanos(nanos));
  }
}
