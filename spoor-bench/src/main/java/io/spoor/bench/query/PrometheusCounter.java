package io.spoor.bench.query;

import java.util.OptionalDouble;

/** Reads a counter from a Prometheus text exposition, summing its samples over all label sets. */
final class PrometheusCounter {
  private PrometheusCounter() {}

  /** The sum of {@code metric}'s samples, empty if the exposition has none. */
  static OptionalDouble sum(String exposition, String metric) {
    double sum = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      if (!line.startsWith(metric)) {
        continue;
      }
      String rest = line.substring(metric.length());
      int valueStart;
      if (rest.startsWith("{")) {
        int labelsEnd = rest.lastIndexOf('}');
        if (labelsEnd < 0) {
          continue;
        }
        valueStart = labelsEnd + 1;
      } else if (rest.startsWith(" ")) {
        valueStart = 0;
      } else {
        continue; // another metric whose name starts with this one
      }
      String[] fields = rest.substring(valueStart).trim().split("\\s+");
      try {
        sum += Double.parseDouble(fields[0]);
        found = true;
      } catch (NumberFormatException notANumber) {
        // a malformed sample is skipped
      }
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }
}
