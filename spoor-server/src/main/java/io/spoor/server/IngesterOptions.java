package io.spoor.server;

import io.spoor.ingester.IngesterConfig;
import io.spoor.storage.GoDuration;
import io.spoor.storage.kafka.SpanEncoding;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The ingester's flags, Jaeger's names and defaults where Jaeger has them; added with {@code @Mixin}. */
final class IngesterOptions {
  @Option(names = "--kafka.consumer.brokers", paramLabel = "<host:port,...>", defaultValue = "127.0.0.1:9092",
      description = "Kafka brokers to consume from, comma-separated. Default: ${DEFAULT-VALUE}.")
  String brokers = "127.0.0.1:9092";

  @Option(names = "--kafka.consumer.topic", paramLabel = "<topic>", defaultValue = "jaeger-spans",
      description = "The topic the collectors write spans to. Default: ${DEFAULT-VALUE}.")
  String topic = "jaeger-spans";

  @Option(names = "--kafka.consumer.group-id", paramLabel = "<group>", defaultValue = "jaeger-ingester",
      description = "Consumer group; ingesters of one group share the topic's partitions. Default: ${DEFAULT-VALUE}.")
  String groupId = "jaeger-ingester";

  @Option(names = "--kafka.consumer.client-id", paramLabel = "<id>", defaultValue = "jaeger-ingester",
      description = "The consumer's client id, as the brokers log it. Default: ${DEFAULT-VALUE}.")
  String clientId = "jaeger-ingester";

  @Option(names = "--kafka.consumer.encoding", paramLabel = "<encoding>", defaultValue = "protobuf",
      description = "Message encoding the collectors write: protobuf or json. Default: ${DEFAULT-VALUE}.")
  String encoding = "protobuf";

  @Option(names = "--ingester.parallelism", paramLabel = "<messages>", defaultValue = "1000",
      description = "Most messages of one partition taken from Kafka and not yet written; beyond it the "
          + "partition is paused until storage catches up. Default: ${DEFAULT-VALUE}.")
  int parallelism = 1000;

  @Option(names = "--ingester.writers", paramLabel = "<n>", defaultValue = "4",
      description = "Threads writing to storage; each partition is written by one at a time, in order. "
          + "Default: ${DEFAULT-VALUE}.")
  int writers = 4;

  @Option(names = "--ingester.batch-size", paramLabel = "<spans>", defaultValue = "500",
      description = "Most spans in one storage write. Default: ${DEFAULT-VALUE}.")
  int batchSize = 500;

  @Option(names = "--ingester.commit-interval", paramLabel = "<duration>", defaultValue = "1s",
      description = "How often the offsets of written messages are committed; a crash replays at most "
          + "this much. Default: ${DEFAULT-VALUE}.")
  String commitInterval = "1s";

  /** @throws IllegalArgumentException naming the flag, the value and what was expected */
  IngesterConfig toConfig() {
    SpanEncoding enc = SpanEncoding.parse("kafka.consumer.encoding", encoding);
    Duration interval;
    try {
      interval = GoDuration.parse(commitInterval);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--ingester.commit-interval: " + e.getMessage(), e);
    }
    IngesterConfig d = IngesterConfig.defaults();
    return new IngesterConfig(brokers, topic, groupId, clientId, enc, parallelism, writers, batchSize, interval,
        d.retryBackoffMax(), d.shutdownTimeout());
  }
}
