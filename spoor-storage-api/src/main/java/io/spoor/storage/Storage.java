package io.spoor.storage;

import java.util.Map;
import java.util.Set;

/**
 * One configured backend. Created by {@link StorageFactory#create} without I/O; {@link #start()}
 * connects (and creates schemas or indices); {@link #close()} frees what it created. The writer,
 * reader and dependency store it hands out live as long as it does.
 */
public interface Storage extends AutoCloseable {
  /**
   * Connects and prepares the backend. Called once, before any read or write.
   *
   * @throws StorageException when the backend cannot be reached or prepared
   */
  void start();

  SpanWriter spanWriter();

  SpanReader spanReader();

  DependencyStore dependencyStore();

  /** What this backend can do beyond the baseline every backend passes in the TCK. */
  Set<Capability> capabilities();

  /**
   * Whether the backend can take reads and writes now; the admin {@code /health} endpoint reports it.
   * Must be cheap and must not throw.
   */
  HealthStatus check();

  /**
   * The backend's own measurements (disk use, retention, write failures...), by Prometheus-style
   * name; names ending in {@code _total} are counters, the others gauges. The server exports them on
   * the admin {@code /metrics}. Cheap, never throws; empty by default.
   */
  default Map<String, Double> metrics() {
    return Map.of();
  }

  /** Deletes everything stored. For tests; a backend may refuse with {@link StorageException}. */
  void purge();

  /** Idempotent. */
  @Override
  void close();
}
