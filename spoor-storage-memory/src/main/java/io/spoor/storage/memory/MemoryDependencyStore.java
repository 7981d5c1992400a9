package io.spoor.storage.memory;

import io.spoor.model.DependencyLink;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.storage.DependencyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Dependency links as written by a batch job, plus links derived on read from the stored spans: a
 * span whose parent span (same trace) belongs to another service counts one call from the parent's
 * service to the span's service, when the span starts inside the window.
 *
 * <p>Written links are not bounded by {@code memory.max-traces}: a job writes them a few times a day.
 * Thread-safe: written links are guarded by this object's monitor, spans by {@link TraceTable}.
 */
final class MemoryDependencyStore implements DependencyStore {
  private static final Comparator<DependencyLink> ORDER =
      Comparator.comparing(DependencyLink::parent).thenComparing(DependencyLink::child);

  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  private final TraceTable traces;
  /** Epoch ns of each write → its links. */
  private final NavigableMap<Long, List<DependencyLink>> written = new TreeMap<>();

  MemoryDependencyStore(TraceTable traces) {
    this.traces = traces;
  }

  @Override
  public void writeDependencies(Instant timestamp, List<DependencyLink> links) {
    Objects.requireNonNull(timestamp, "timestamp");
    List<DependencyLink> copy = List.copyOf(links);
    synchronized (this) {
      written.computeIfAbsent(toNanos(timestamp), t -> new ArrayList<>()).addAll(copy);
    }
  }

  /** Calls of one pair are summed; the first non-empty {@code source} seen is kept. */
  @Override
  public List<DependencyLink> getDependencies(Instant end, Duration lookback) {
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(lookback, "lookback");
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback: " + lookback + " (expected: >= 0)");
    }
    long max = toNanos(end);
    long lookbackNanos = lookback.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : lookback.toNanos();
    long min = saturatedSubtract(max, lookbackNanos);
    Map<ServicePair, DependencyLink> sums = new HashMap<>();
    synchronized (this) {
      for (List<DependencyLink> links : written.subMap(min, true, max, true).values()) {
        for (DependencyLink link : links) {
          merge(sums, link);
        }
      }
    }
    Map<ServicePair, Long> derived = new HashMap<>();
    traces.forEachTraceInWindow(min, max, trace -> countCalls(trace.spans(), min, max, derived));
    derived.forEach((pair, calls) -> merge(sums, DependencyLink.of(pair.parent(), pair.child(), calls)));
    List<DependencyLink> out = new ArrayList<>(sums.values());
    out.sort(ORDER);
    return out;
  }

  private static void countCalls(List<Span> spans, long min, long max, Map<ServicePair, Long> calls) {
    Map<SpanId, String> serviceOfSpan = new HashMap<>();
    for (Span span : spans) {
      serviceOfSpan.put(span.spanId(), span.serviceName());
    }
    for (Span span : spans) {
      if (span.startTimeNanos() < min || span.startTimeNanos() > max) {
        continue;
      }
      SpanId parent = span.parentSpanId();
      String parentService = parent.isZero() ? null : serviceOfSpan.get(parent);
      if (parentService != null && !parentService.equals(span.serviceName())) {
        calls.merge(new ServicePair(parentService, span.serviceName()), 1L, Long::sum);
      }
    }
  }

  private static void merge(Map<ServicePair, DependencyLink> sums, DependencyLink link) {
    sums.merge(new ServicePair(link.parent(), link.child()), link, (a, b) -> new DependencyLink(a.parent(), a.child(),
        a.callCount() + b.callCount(), a.source().isEmpty() ? b.source() : a.source()));
  }

  synchronized void purge() {
    written.clear();
  }

  private static long toNanos(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static long saturatedSubtract(long a, long b) {
    long d = a - b;
    return ((a ^ b) & (a ^ d)) < 0 ? Long.MIN_VALUE : d;
  }

  private record ServicePair(String parent, String child) {}
}
