package io.spoor.dependencies;

import io.spoor.model.DependencyLink;
import io.spoor.model.KeyValue;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Counts calls between services in traces, the way Jaeger's dependencies job does:
 *
 * <ul>
 *   <li>a span referencing (child-of or follows-from, same trace) a span of another service counts one
 *       call from the referenced span's service to its own;
 *   <li>Zipkin's shared spans (a client and a server span with the same id) count one call from the
 *       client's service to the server's, and a reference to a shared id points at its server half;
 *   <li>a leaf span with a {@code peer.service} tag (the uninstrumented-key) counts one call to that
 *       uninstrumented peer.
 * </ul>
 *
 * <p>Calls within one service are not links (Jaeger's own stores drop them too). Not thread-safe: one
 * linker per job.
 */
public final class DependencyLinker {
  /** Jaeger's default uninstrumented key. */
  public static final String PEER_SERVICE = "peer.service";
  private static final Comparator<DependencyLink> ORDER =
      Comparator.comparing(DependencyLink::parent).thenComparing(DependencyLink::child);

  private final @Nullable String uninstrumentedKey;
  private final Map<Pair, Long> calls = new HashMap<>();
  private long traces;
  private long spans;

  /** @param uninstrumentedKey tag naming an uninstrumented peer of a leaf span; null to ignore */
  public DependencyLinker(@Nullable String uninstrumentedKey) {
    this.uninstrumentedKey = uninstrumentedKey == null || uninstrumentedKey.isEmpty() ? null : uninstrumentedKey;
  }

  public DependencyLinker() {
    this(PEER_SERVICE);
  }

  /** Counts the calls of one whole trace. */
  public DependencyLinker add(Trace trace) {
    traces++;
    List<Span> all = trace.spans();
    spans += all.size();
    Map<SpanId, List<Span>> byId = new HashMap<>();
    Set<SpanId> referenced = new HashSet<>();
    for (Span span : all) {
      byId.computeIfAbsent(span.spanId(), id -> new ArrayList<>(1)).add(span);
      for (SpanRef ref : span.references()) {
        if (ref.traceId().equals(span.traceId())) {
          referenced.add(ref.spanId());
        }
      }
    }
    for (List<Span> shared : byId.values()) {
      if (shared.size() > 1) {
        Span client = firstOfKind(shared, SpanKind.CLIENT);
        Span server = firstOfKind(shared, SpanKind.SERVER);
        if (client != null && server != null) {
          count(client.serviceName(), server.serviceName());
        }
      }
    }
    for (Span span : all) {
      boolean shared = byId.get(span.spanId()).size() > 1;
      // The server half of a shared span is reached from its client half, counted above.
      if (!shared || span.kind() == SpanKind.CLIENT) {
        for (SpanRef ref : span.references()) {
          if (!ref.traceId().equals(span.traceId())) {
            continue;
          }
          List<Span> parents = byId.get(ref.spanId());
          if (parents == null) {
            continue;
          }
          Span parent = parents.size() > 1 ? firstOfKind(parents, SpanKind.SERVER) : parents.get(0);
          if (parent != null) {
            count(parent.serviceName(), span.serviceName());
          }
        }
      }
      if (uninstrumentedKey != null && !referenced.contains(span.spanId())) {
        KeyValue peer = span.findTag(uninstrumentedKey);
        if (peer != null && peer.type() == ValueType.STRING && !peer.stringValue().isEmpty()) {
          count(span.serviceName(), peer.stringValue());
        }
      }
    }
    return this;
  }

  /** The links counted so far, one per (parent, child), sorted by parent then child. */
  public List<DependencyLink> links() {
    List<DependencyLink> out = new ArrayList<>(calls.size());
    calls.forEach((pair, n) -> out.add(DependencyLink.of(pair.parent(), pair.child(), n)));
    out.sort(ORDER);
    return out;
  }

  public long traces() {
    return traces;
  }

  public long spans() {
    return spans;
  }

  private void count(String parent, String child) {
    if (!parent.equals(child) && !parent.isEmpty() && !child.isEmpty()) {
      calls.merge(new Pair(parent, child), 1L, Long::sum);
    }
  }

  private static @Nullable Span firstOfKind(List<Span> spans, SpanKind kind) {
    for (Span s : spans) {
      if (s.kind() == kind) {
        return s;
      }
    }
    return null;
  }

  private record Pair(String parent, String child) {}
}
