package io.spoor.ingester;

import io.spoor.storage.kafka.SpanEncoding;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the ingester reads and how hard it pushes the storage.
 *
 * @param brokers {@code --kafka.consumer.brokers}, comma-separated host:port
 * @param topic {@code --kafka.consumer.topic}
 * @param groupId {@code --kafka.consumer.group-id}: ingesters of one group share the partitions
 * @param clientId {@code --kafka.consumer.client-id}
 * @param encoding {@code --kafka.consumer.encoding}: what the collectors write
 * @param parallelism {@code --ingester.parallelism}: most messages of one partition taken from Kafka
 *     and not yet written; at that many the partition is paused until the writer catches up
 * @param writers {@code --ingester.writers}: threads writing to storage; one partition is written by
 *     one of them at a time, in offset order
 * @param batchSize {@code --ingester.batch-size}: most spans in one storage write
 * @param commitInterval {@code --ingester.commit-interval}: how often written offsets are committed
 * @param retryBackoffMax longest pause between retries of a failed storage write
 * @param shutdownTimeout longest wait for the writes in flight at shutdown
 */
public record IngesterConfig(
    String brokers,
    String topic,
    String groupId,
    String clientId,
    SpanEncoding encoding,
    int parallelism,
    int writers,
    int batchSize,
    Duration commitInterval,
    Duration retryBackoffMax,
    Duration shutdownTimeout) {

  public IngesterConfig {
    Objects.requireNonNull(brokers, "brokers");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(encoding, "encoding");
    if (brokers.isBlank()) {
      throw new IllegalArgumentException("--kafka.consumer.brokers: \"\" (expected: host:port[,host:port...])");
    }
    if (!topic.matches("[a-zA-Z0-9._-]{1,249}")) {
      throw new IllegalArgumentException("--kafka.consumer.topic: \"" + topic
          + "\" (expected: 1 to 249 characters of a-z, A-Z, 0-9, '.', '_', '-')");
    }
    if (groupId.isBlank()) {
      throw new IllegalArgumentException("--kafka.consumer.group-id: \"\" (expected: a consumer group name)");
    }
    positive("ingester.parallelism", parallelism);
    positive("ingester.writers", writers);
    positive("ingester.batch-size", batchSize);
    if (commitInterval.isNegative() || commitInterval.isZero()) {
      throw new IllegalArgumentException("--ingester.commit-interval: " + commitInterval + " (expected: > 0)");
    }
  }

  /** Jaeger's defaults: brokers 127.0.0.1:9092, topic jaeger-spans, group and client id jaeger-ingester, protobuf. */
  public static IngesterConfig defaults() {
    return new IngesterConfig("127.0.0.1:9092", "jaeger-spans", "jaeger-ingester", "jaeger-ingester",
        SpanEncoding.PROTOBUF, 1000, 4, 500, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  public IngesterConfig withBrokers(String value) {
    return new IngesterConfig(value, topic, groupId, clientId, encoding, parallelism, writers, batchSize,
        commitInterval, retryBackoffMax, shutdownTimeout);
  }

  public IngesterConfig withTopic(String value) {
    return new IngesterConfig(brokers, value, groupId, clientId, encoding, parallelism, writers, batchSize,
        commitInterval, retryBackoffMax, shutdownTimeout);
  }

  public IngesterConfig withGroupId(String value) {
    return new IngesterConfig(brokers, topic, value, clientId, encoding, parallelism, writers, batchSize,
        commitInterval, retryBackoffMax, shutdownTimeout);
  }

  public IngesterConfig withEncoding(SpanEncoding value) {
    return new IngesterConfig(brokers, topic, groupId, clientId, value, parallelism, writers, batchSize,
        commitInterval, retryBackoffMax, shutdownTimeout);
  }

  public IngesterConfig withFlow(int parallelism, int writers, int batchSize) {
    return new IngesterConfig(brokers, topic, groupId, clientId, encoding, parallelism, writers, batchSize,
        commitInterval, retryBackoffMax, shutdownTimeout);
  }

  public IngesterConfig withCommitInterval(Duration value) {
    return new IngesterConfig(brokers, topic, groupId, clientId, encoding, parallelism, writers, batchSize,
        value, retryBackoffMax, shutdownTimeout);
  }

  private static void positive(String flag, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException("--" + flag + ": " + v + " (expected: a positive number)");
    }
  }

  /**
   * The consumer's configuration: manual commits, a new group starts at the earliest offset, a member
   * that stops heart-beating is replaced after 10 s.
   */
  Map<String, Object> consumerConfig() {
    Map<String, Object> c = new HashMap<>();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.min(parallelism, 2000));
    c.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    // Jaeger's (Sarama's) 10 s instead of Kafka's 45 s: the partitions of an ingester that died are
    // handed to the others (or to its restart) after 10 s instead of 45 s.
    c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
    c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return c;
  }
}
