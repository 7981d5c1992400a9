package io.spoor.query;

import io.spoor.model.DependencyLink;
import io.spoor.model.Span;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.query.adjust.TraceAdjuster;
import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.Operation;
import io.spoor.storage.SpanReader;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import io.spoor.storage.UnsupportedQueryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What every query API reads through. Traces come back adjusted (unless {@code raw}); criteria the
 * backend declares it cannot evaluate are left out of the storage query and checked here on the
 * candidate traces, so Jaeger clients and Spoor's extensions get the same answers on every backend.
 * Thread-safe.
 */
public final class QueryReader {
  /** How many candidates to ask a backend for per wanted trace when filtering here. */
  static final int CANDIDATE_FACTOR = 10;
  static final int MAX_CANDIDATES = 10_000;

  private final SpanReader spans;
  private final DependencyStore dependencies;
  private final Set<Capability> capabilities;
  private final TraceAdjuster adjuster;

  public QueryReader(SpanReader spans, DependencyStore dependencies, Set<Capability> capabilities,
      TraceAdjuster adjuster) {
    this.spans = Objects.requireNonNull(spans, "spans");
    this.dependencies = Objects.requireNonNull(dependencies, "dependencies");
    this.capabilities = Set.copyOf(capabilities);
    this.adjuster = Objects.requireNonNull(adjuster, "adjuster");
  }

  /** The trace, adjusted unless {@code raw}; empty when no span is stored for the id. */
  public Optional<Trace> getTrace(TraceId id, TimeWindow hint, boolean raw) {
    return spans.getTrace(id, hint).map(t -> raw ? t : adjuster.adjust(t));
  }

  /**
   * The matching traces, newest first, at most {@code query.limit()}.
   *
   * @throws UnsupportedQueryException when the backend cannot search this way and the query layer
   *     cannot make up for it (no service on a backend that needs one)
   */
  public List<Trace> findTraces(TraceQuery query, boolean raw) {
    if (query.serviceName() == null && !capabilities.contains(Capability.SEARCH_WITHOUT_SERVICE)) {
      throw new UnsupportedQueryException(
          "parameter 'service' is required: this storage backend cannot search across all services");
    }
    TraceQuery storageQuery = storageQuery(query);
    List<Trace> found = spans.findTraces(storageQuery);
    if (storageQuery != query) {
      found = filter(found, query);
    }
    if (raw) {
      return found;
    }
    List<Trace> out = new ArrayList<>(found.size());
    for (Trace t : found) {
      out.add(adjuster.adjust(t));
    }
    return out;
  }

  /** The query to send to storage: without what it cannot evaluate, asking for more candidates. */
  private TraceQuery storageQuery(TraceQuery query) {
    boolean extended = !capabilities.contains(Capability.EXTENDED_TAG_OPERATORS)
        && query.tags().stream().anyMatch(t -> t.operator() != TagFilter.Operator.EQUALS);
    boolean tagsAndDuration = !capabilities.contains(Capability.TAGS_WITH_DURATION)
        && !query.tags().isEmpty() && query.hasDurationBounds();
    if (!extended && !tagsAndDuration) {
      return query;
    }
    TraceQuery.Builder b = query.toBuilder()
        .limit(Math.min(MAX_CANDIDATES, Math.max(query.limit(), query.limit() * CANDIDATE_FACTOR)));
    List<TagFilter> kept = new ArrayList<>();
    for (TagFilter t : query.tags()) {
      if (t.operator() == TagFilter.Operator.EQUALS) {
        kept.add(t);
      }
    }
    b.tags(kept);
    if (tagsAndDuration) {
      if (kept.isEmpty()) {
        // Only extended filters remain, which storage no longer sees: it can keep the duration.
        return b.build();
      }
      b.durationMinNanos(0).durationMaxNanos(Long.MAX_VALUE);
    }
    return b.build();
  }

  private static List<Trace> filter(List<Trace> candidates, TraceQuery query) {
    List<Trace> out = new ArrayList<>();
    for (Trace t : candidates) {
      for (Span s : t.spans()) {
        if (query.matches(s)) {
          out.add(t);
          break;
        }
      }
      if (out.size() == query.limit()) {
        break;
      }
    }
    return out;
  }

  public List<String> getServices() {
    return spans.getServices();
  }

  /** Operations of a service; {@code kind} null for every kind. */
  public List<Operation> getOperations(String service, @Nullable SpanKind kind) {
    return spans.getOperations(service, kind);
  }

  public List<DependencyLink> getDependencies(Instant end, Duration lookback) {
    return dependencies.getDependencies(end, lookback);
  }
}
