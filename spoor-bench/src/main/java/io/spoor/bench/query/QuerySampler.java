package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Picks what to ask for, the same for both servers since it depends only on the index and the seed: trace
 * ids drawn uniformly from the stored traces without repetition (with repetition only when more are asked
 * for than exist), and services in turn from a seeded starting point, so each is searched about equally.
 */
final class QuerySampler {
  private final DatasetIndex index;
  private final long seed;

  QuerySampler(DatasetIndex index, long seed) {
    this.index = requireNonNull(index, "index");
    this.seed = seed;
  }

  /** {@code count} traces, all distinct while the dataset has that many. */
  List<DatasetIndex.TraceRef> traces(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    List<DatasetIndex.TraceRef> all = index.traces();
    Random random = new Random(seed);
    List<DatasetIndex.TraceRef> picked = new ArrayList<>(count);
    if (count > all.size()) {
      for (int i = 0; i < count; i++) {
        picked.add(all.get(random.nextInt(all.size())));
      }
      return picked;
    }
    // a partial Fisher-Yates shuffle over positions: O(count) memory beyond one int per trace
    int[] positions = new int[all.size()];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(positions.length - i);
      int swap = positions[i];
      positions[i] = positions[j];
      positions[j] = swap;
      picked.add(all.get(positions[i]));
    }
    return picked;
  }

  /** {@code count} service names, cycling through all services from a seeded start. */
  List<String> services(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count: " + count + " (expected: >= 0)");
    }
    List<String> services = index.services();
    int start = new Random(seed ^ 0x5DEECE66DL).nextInt(services.size());
    List<String> picked = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      picked.add(services.get((start + i) % services.size()));
    }
    return picked;
  }
}
