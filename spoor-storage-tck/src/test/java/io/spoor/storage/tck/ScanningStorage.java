package io.spoor.storage.tck;

import io.spoor.model.DependencyLink;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.Operation;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import io.spoor.storage.UnsupportedQueryException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The simplest store the TCK should accept: a list scanned on every read, with the capabilities it
 * is given and optionally one deliberate {@link Defect}, to check that the suites skip and fail.
 */
final class ScanningStorage implements Storage, SpanWriter, SpanReader, DependencyStore {
  enum Defect { NONE, DROPS_DUPLICATE_SPAN_IDS, IGNORES_LIMIT, OLDEST_FIRST, IGNORES_LOG_FIELDS, DROPS_LATE_BATCHES }

  private final Set<Capability> capabilities;
  private final Defect defect;
  private final List<Span> spans = new ArrayList<>();
  private final TreeMap<Instant, List<DependencyLink>> links = new TreeMap<>();
  private final Set<TraceId> writtenTraces = new TreeSet<>();

  ScanningStorage(Set<Capability> capabilities, Defect defect) {
    this.capabilities = Set.copyOf(capabilities);
    this.defect = defect;
  }

  @Override
  public void start() {}

  @Override
  public SpanWriter spanWriter() {
    return this;
  }

  @Override
  public SpanReader spanReader() {
    return this;
  }

  @Override
  public DependencyStore dependencyStore() {
    return this;
  }

  @Override
  public Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public HealthStatus check() {
    return HealthStatus.OK;
  }

  @Override
  public synchronized void purge() {
    spans.clear();
    links.clear();
    writtenTraces.clear();
  }

  @Override
  public void close() {}

  @Override
  public synchronized void write(List<Span> batch) {
    Set<TraceId> inBatch = new TreeSet<>();
    for (Span span : batch) {
      if (defect == Defect.DROPS_LATE_BATCHES && writtenTraces.contains(span.traceId())) {
        continue;
      }
      inBatch.add(span.traceId());
      spans.add(span);
    }
    writtenTraces.addAll(inBatch);
  }

  @Override
  public synchronized Optional<Trace> getTrace(TraceId traceId, TimeWindow hint) {
    return Optional.ofNullable(byTrace().get(traceId)).map(this::toTrace);
  }

  @Override
  public List<Trace> findTraces(TraceQuery query) {
    return search(query).stream().map(this::toTrace).toList();
  }

  @Override
  public List<TraceId> findTraceIds(TraceQuery query) {
    return search(query).stream().map(s -> s.get(0).traceId()).toList();
  }

  private synchronized List<List<Span>> search(TraceQuery query) {
    if (query.serviceName() == null && !capabilities.contains(Capability.SEARCH_WITHOUT_SERVICE)) {
      throw new UnsupportedQueryException("service: required");
    }
    List<List<Span>> found = new ArrayList<>();
    for (List<Span> trace : byTrace().values()) {
      if (trace.stream().anyMatch(span -> matches(query, span))) {
        found.add(trace);
      }
    }
    Comparator<List<Span>> oldestFirst = Comparator.comparingLong(
        (List<Span> t) -> t.stream().mapToLong(Span::startTimeNanos).min().orElseThrow());
    found.sort(defect == Defect.OLDEST_FIRST ? oldestFirst : oldestFirst.reversed());
    return defect == Defect.IGNORES_LIMIT ? found : found.subList(0, Math.min(query.limit(), found.size()));
  }

  private boolean matches(TraceQuery query, Span span) {
    if (defect != Defect.IGNORES_LOG_FIELDS) {
      return query.matches(span);
    }
    return query.matches(span.toBuilder().logs(List.of()).build());
  }

  private Map<TraceId, List<Span>> byTrace() {
    Map<TraceId, List<Span>> out = new LinkedHashMap<>();
    for (Span span : spans) {
      out.computeIfAbsent(span.traceId(), id -> new ArrayList<>()).add(span);
    }
    return out;
  }

  private Trace toTrace(List<Span> trace) {
    if (defect != Defect.DROPS_DUPLICATE_SPAN_IDS) {
      return Trace.of(trace);
    }
    Map<SpanId, Span> unique = new LinkedHashMap<>();
    trace.forEach(span -> unique.putIfAbsent(span.spanId(), span));
    return Trace.of(List.copyOf(unique.values()));
  }

  @Override
  public synchronized List<String> getServices() {
    return spans.stream().map(Span::serviceName).distinct().sorted().toList();
  }

  @Override
  public synchronized List<Operation> getOperations(String service, @Nullable SpanKind kind) {
    boolean withKind = capabilities.contains(Capability.OPERATIONS_WITH_SPAN_KIND);
    return spans.stream()
        .filter(s -> s.serviceName().equals(service))
        .map(s -> new Operation(s.operationName(), withKind ? s.kind() : SpanKind.UNSPECIFIED))
        .filter(op -> kind == null || op.kind() == kind)
        .distinct().sorted().toList();
  }

  @Override
  public synchronized void writeDependencies(Instant timestamp, List<DependencyLink> written) {
    links.computeIfAbsent(timestamp, t -> new ArrayList<>()).addAll(written);
  }

  @Override
  public synchronized List<DependencyLink> getDependencies(Instant end, Duration lookback) {
    Map<String, DependencyLink> sums = new TreeMap<>();
    for (List<DependencyLink> batch : links.subMap(end.minus(lookback), true, end, true).values()) {
      for (DependencyLink l : batch) {
        sums.merge(l.parent() + "\n" + l.child(), l,
            (a, b) -> DependencyLink.of(a.parent(), a.child(), a.callCount() + b.callCount()));
      }
    }
    return List.copyOf(sums.values());
  }
}
