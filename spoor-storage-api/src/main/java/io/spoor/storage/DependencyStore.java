package io.spoor.storage;

import io.spoor.model.DependencyLink;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Stores and reads the service dependency graph. Thread-safe. */
public interface DependencyStore {
  /**
   * Stores links computed for the moment {@code timestamp} (for example by a batch job). Writing the
   * same moment twice keeps both writes.
   */
  void writeDependencies(Instant timestamp, List<DependencyLink> links);

  /**
   * The links recorded in {@code [end - lookback, end]}, one per (parent, child) pair with call
   * counts summed, sorted by parent then child. A backend with {@link
   * Capability#DEPENDENCIES_FROM_SPANS} also counts the calls it sees in stored spans of that window.
   */
  List<io.spoor.model.DependencyLink> getDependencies(Instant end, Duration lookback);
}
