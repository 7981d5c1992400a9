package io.spoor.storage.memory;

import io.spoor.model.Span;
import io.spoor.model.SpanSize;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Operation;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.StorageException;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The span store: every trace with its spans, a time index over all traces, and per service a time
 * index and the operations. Holds at most {@code maxTraces} traces (0: no bound); writing a new
 * trace beyond that evicts the trace that was first written longest ago, with all its index entries.
 *
 * <p>Thread-safety: one read-write lock. Writes (and evictions) hold the write lock; reads hold the
 * read lock and run in parallel. Spans are immutable and shared with readers; readers get new lists.
 */
final class TraceTable implements SpanWriter, SpanReader {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final int maxTraces;
  private final long maxBytes;
  /** Estimated heap held by stored spans ({@link SpanSize}). */
  private long bytes;
  /** In order of first write, so the eldest entry is the one to evict. */
  private final LinkedHashMap<TraceId, StoredTrace> traces = new LinkedHashMap<>();
  private final TimeIndex allTraces = new TimeIndex();
  private final Map<String, ServiceEntry> services = new TreeMap<>();
  private volatile boolean closed;

  TraceTable(int maxTraces, long maxBytes) {
    if (maxTraces < 0) {
      throw new IllegalArgumentException("maxTraces: " + maxTraces + " (expected: >= 0, 0 = unbounded)");
    }
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes: " + maxBytes + " (expected: >= 0, 0 = unbounded)");
    }
    this.maxTraces = maxTraces;
    this.maxBytes = maxBytes;
  }

  /** Estimated heap held by the stored spans. */
  long estimatedBytes() {
    return read(() -> bytes);
  }

  @Override
  public void write(List<Span> spans) {
    Objects.requireNonNull(spans, "spans");
    Lock write = lock.writeLock();
    write.lock();
    try {
      if (closed) {
        throw new StorageException("memory storage: closed (expected: a started storage)");
      }
      for (Span span : spans) {
        add(Objects.requireNonNull(span, "span"));
      }
    } finally {
      write.unlock();
    }
  }

  private void add(Span span) {
    StoredTrace trace = traces.get(span.traceId());
    if (trace == null) {
      trace = new StoredTrace(span.traceId());
      traces.put(trace.id(), trace);
      evictBeyondBound();
    }
    long size = SpanSize.estimate(span);
    trace.add(span, size);
    bytes += size;
    allTraces.add(trace, span.startTimeNanos());
    ServiceEntry service = services.computeIfAbsent(span.serviceName(), name -> new ServiceEntry());
    service.traces().add(trace, span.startTimeNanos());
    service.addOperation(new Operation(span.operationName(), span.kind()));
    evictBeyondBytes(trace);
  }

  /** Drops the eldest traces, but never {@code current}, while the spans take more than {@code maxBytes}. */
  private void evictBeyondBytes(StoredTrace current) {
    if (maxBytes == 0 || bytes <= maxBytes) {
      return;
    }
    Iterator<StoredTrace> eldest = traces.values().iterator();
    while (bytes > maxBytes && eldest.hasNext()) {
      StoredTrace evicted = eldest.next();
      if (evicted == current) {
        continue;
      }
      eldest.remove();
      unindex(evicted);
    }
  }

  /** Drops the eldest traces until at most {@code maxTraces} remain; never the newest one. */
  private void evictBeyondBound() {
    Iterator<StoredTrace> eldest = traces.values().iterator();
    while (maxTraces > 0 && traces.size() > maxTraces) {
      StoredTrace evicted = eldest.next();
      eldest.remove();
      unindex(evicted);
    }
  }

  private void unindex(StoredTrace trace) {
    bytes -= trace.bytes();
    allTraces.remove(trace.id());
    for (Span span : trace.spans()) {
      ServiceEntry service = services.get(span.serviceName());
      if (service != null) {
        service.removeOperation(new Operation(span.operationName(), span.kind()));
      }
    }
    for (String name : trace.services()) {
      ServiceEntry service = services.get(name);
      if (service != null) {
        service.traces().remove(trace.id());
        if (service.isEmpty()) {
          services.remove(name);
        }
      }
    }
  }

  /** The hint is ignored: every trace is at hand. */
  @Override
  public Optional<Trace> getTrace(TraceId traceId, TimeWindow hint) {
    Objects.requireNonNull(traceId, "traceId");
    return read(() -> {
      StoredTrace trace = traces.get(traceId);
      return trace == null ? Optional.empty() : Optional.of(trace.toTrace());
    });
  }

  @Override
  public List<Trace> findTraces(TraceQuery query) {
    return searchAndMap(query, StoredTrace::toTrace);
  }

  @Override
  public List<TraceId> findTraceIds(TraceQuery query) {
    return searchAndMap(query, StoredTrace::id);
  }

  /** The matching traces under the read lock, each mapped while the lock is held. */
  private <T> List<T> searchAndMap(TraceQuery query, Function<StoredTrace, T> mapper) {
    return read(() -> {
      List<StoredTrace> found = search(query);
      List<T> out = new ArrayList<>(found.size());
      for (StoredTrace trace : found) {
        out.add(mapper.apply(trace));
      }
      return out;
    });
  }

  /** Candidates come from the service's time index (or the global one); one span must match. */
  private List<StoredTrace> search(TraceQuery query) {
    Objects.requireNonNull(query, "query");
    TimeIndex index = allTraces;
    String serviceName = query.serviceName();
    if (serviceName != null) {
      ServiceEntry service = services.get(serviceName);
      if (service == null) {
        return List.of();
      }
      index = service.traces();
    }
    return index.newest(query.startTimeMinNanos(), query.startTimeMaxNanos(),
        trace -> trace.anySpanMatches(query), query.limit());
  }

  @Override
  public List<String> getServices() {
    return read(() -> new ArrayList<>(services.keySet()));
  }

  @Override
  public List<Operation> getOperations(String service, @Nullable SpanKind kind) {
    Objects.requireNonNull(service, "service");
    return read(() -> {
      ServiceEntry entry = services.get(service);
      return entry == null ? List.of() : entry.operations(kind);
    });
  }

  /**
   * Runs {@code action} under the read lock for every trace with a span starting in {@code
   * [minNanos, maxNanos]}; the action must not keep the trace.
   */
  void forEachTraceInWindow(long minNanos, long maxNanos, Consumer<StoredTrace> action) {
    read(() -> {
      allTraces.forEachOverlapping(minNanos, maxNanos, action);
      return null;
    });
  }

  /** Runs {@code body} under the read lock. */
  private <T> T read(Supplier<T> body) {
    Lock read = lock.readLock();
    read.lock();
    try {
      return body.get();
    } finally {
      read.unlock();
    }
  }

  int traceCount() {
    return read(() -> traces.size());
  }

  /** Entries of the global and per-service time indexes; for tests of eviction. */
  int indexEntries() {
    return read(() -> {
      int entries = allTraces.size();
      for (ServiceEntry service : services.values()) {
        entries += service.traces().size();
      }
      return entries;
    });
  }

  void purge() {
    Lock write = lock.writeLock();
    write.lock();
    try {
      traces.clear();
      services.clear();
      allTraces.clear();
      bytes = 0;
    } finally {
      write.unlock();
    }
  }

  void close() {
    Lock write = lock.writeLock();
    write.lock();
    try {
      closed = true;
      traces.clear();
      services.clear();
      allTraces.clear();
      bytes = 0;
    } finally {
      write.unlock();
    }
  }

  boolean isClosed() {
    return closed;
  }
}
