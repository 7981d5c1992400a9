package io.spoor.bench.compare;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.LoadReport;

/**
 * One load point against one collector.
 *
 * @param peakHeapBytes the highest sampled used heap, -1 if no probe answered
 * @param heapSource which probe measured it ({@code prometheus}, {@code jcmd} or {@code none})
 */
public record PointResult(LoadReport load, long peakHeapBytes, String heapSource) {
  public PointResult {
    requireNonNull(load, "load");
    requireNonNull(heapSource, "heapSource");
  }
}
