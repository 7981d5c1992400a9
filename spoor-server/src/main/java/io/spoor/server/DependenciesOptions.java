package io.spoor.server;

import io.spoor.storage.GoDuration;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The scheduled dependency aggregator of {@code query} and {@code all-in-one}: on backends that do not
 * derive the dependency graph from spans at query time (Cassandra, Elasticsearch), links of each
 * interval are computed and written to the backend's dependency store, so no Spark job is needed.
 */
final class DependenciesOptions {
  @Option(names = "--dependencies.interval", paramLabel = "<duration>", defaultValue = "1h",
      description = "How often the dependency links of the last interval are computed from stored spans, "
          + "on backends that do not derive them at query time; 0s turns it off (run it in one query "
          + "instance only, or use `spoor dependencies`). Default: ${DEFAULT-VALUE}.")
  String interval = "1h";

  @Option(names = "--dependencies.uninstrumented-key", paramLabel = "<tag>", defaultValue = "peer.service",
      description = "Tag of a leaf span naming the uninstrumented service it calls (a link to it); "
          + "empty to ignore. Default: ${DEFAULT-VALUE}.")
  String uninstrumentedKey = "peer.service";

  /** Zero when turned off. @throws IllegalArgumentException naming the flag */
  Duration interval() {
    try {
      Duration d = GoDuration.parse(interval);
      if (d.isNegative()) {
        throw new IllegalArgumentException(interval + " (expected: >= 0s)");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--dependencies.interval: " + e.getMessage(), e);
    }
  }
}
