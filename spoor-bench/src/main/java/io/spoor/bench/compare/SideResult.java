package io.spoor.bench.compare;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one collector achieved: its points, and why it stopped early if it could not start or failed a point
 * (the points before that stay valid).
 */
public record SideResult(String name, List<PointResult> points, @Nullable String unavailableReason) {
  public SideResult {
    requireNonNull(name, "name");
    points = List.copyOf(points);
  }

  /** The point measured at {@code concurrency}, if any. */
  public Optional<PointResult> at(int concurrency) {
    return points.stream().filter(point -> point.load().concurrency() == concurrency).findFirst();
  }
}
