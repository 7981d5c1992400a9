package io.spoor.model;

import java.util.Objects;

/**
 * A service-to-service edge of the dependency graph: {@code parent} called {@code child}
 * {@code callCount} times. {@code source} names what computed it (empty when unknown).
 */
public record DependencyLink(String parent, String child, long callCount, String source) {
  public DependencyLink {
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(child, "child");
    Objects.requireNonNull(source, "source");
    if (callCount < 0) {
      throw new IllegalArgumentException("callCount: " + callCount + " (expected: >= 0)");
    }
  }

  public static DependencyLink of(String parent, String child, long callCount) {
    return new DependencyLink(parent, child, callCount, "");
  }
}
