package io.spoor.storage.memory;

import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/** The memory backend: a {@link TraceTable} and a {@link MemoryDependencyStore} over it. */
final class MemoryStorage implements Storage {
  private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
      Capability.SEARCH_WITHOUT_SERVICE,
      Capability.TAGS_WITH_DURATION,
      Capability.EXTENDED_TAG_OPERATORS,
      Capability.OPERATIONS_WITH_SPAN_KIND,
      Capability.DEPENDENCIES_FROM_SPANS));

  private final TraceTable traces;
  private final MemoryDependencyStore dependencies;

  MemoryStorage(int maxTraces, long maxBytes) {
    this.traces = new TraceTable(maxTraces, maxBytes);
    this.dependencies = new MemoryDependencyStore(traces);
  }

  /** Nothing to connect to. */
  @Override
  public void start() {}

  @Override
  public SpanWriter spanWriter() {
    return traces;
  }

  @Override
  public SpanReader spanReader() {
    return traces;
  }

  @Override
  public DependencyStore dependencyStore() {
    return dependencies;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public HealthStatus check() {
    return traces.isClosed() ? HealthStatus.unhealthy("memory storage: closed") : HealthStatus.OK;
  }

  @Override
  public void purge() {
    traces.purge();
    dependencies.purge();
  }

  /** Drops everything stored; later writes are refused. */
  @Override
  public void close() {
    traces.close();
    dependencies.purge();
  }

  TraceTable traceTable() {
    return traces;
  }
}
