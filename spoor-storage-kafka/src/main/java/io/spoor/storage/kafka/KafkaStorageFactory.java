package io.spoor.storage.kafka;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.util.List;
import java.util.Objects;

/**
 * The {@code kafka} backend ({@code SPAN_STORAGE_TYPE=kafka}): writes each span as one message to a
 * Kafka topic, in Jaeger's format ({@link SpanEncoding}), for {@code spoor ingester} to drain into a
 * readable store. It only writes: its reader and dependency store fail with a message saying so.
 *
 * <p>{@link io.spoor.storage.SpanWriter#write} returns once Kafka acknowledged every span of the
 * batch (with {@code --kafka.producer.required-acks=all}, the default: every in-sync replica has
 * it); when the brokers are unreachable it fails with a {@link io.spoor.storage.StorageException}
 * within {@code --kafka.producer.max-wait}, so the collector answers 503 / UNAVAILABLE instead of
 * buffering without bound.
 */
public final class KafkaStorageFactory implements StorageFactory {
  public static final String BROKERS = "kafka.producer.brokers";
  public static final String TOPIC = "kafka.producer.topic";
  public static final String ENCODING = "kafka.producer.encoding";
  public static final String REQUIRED_ACKS = "kafka.producer.required-acks";
  public static final String IDEMPOTENT = "kafka.producer.idempotent";
  public static final String COMPRESSION = "kafka.producer.compression";
  public static final String COMPRESSION_LEVEL = "kafka.producer.compression-level";
  public static final String BATCH_LINGER = "kafka.producer.batch-linger";
  public static final String BATCH_SIZE = "kafka.producer.batch-size";
  public static final String MAX_MESSAGE_BYTES = "kafka.producer.max-message-bytes";
  public static final String BUFFER_MEMORY = "kafka.producer.buffer-memory";
  public static final String MAX_WAIT = "kafka.producer.max-wait";
  public static final String CLIENT_ID = "kafka.producer.client-id";

  public static final String DEFAULT_BROKERS = "127.0.0.1:9092";
  public static final String DEFAULT_TOPIC = "jaeger-spans";

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public List<StorageOption> options() {
    return List.of(
        new StorageOption(BROKERS, DEFAULT_BROKERS, "Kafka brokers to connect to, comma-separated host:port."),
        new StorageOption(TOPIC, DEFAULT_TOPIC, "The topic spans are written to."),
        new StorageOption(ENCODING, "protobuf",
            "Message value: protobuf (binary jaeger.api_v2.Span) or json (its protobuf JSON), as Jaeger writes it."),
        new StorageOption(REQUIRED_ACKS, "all",
            "Acknowledgement a write waits for: noack, local (the leader) or all (every in-sync replica)."),
        new StorageOption(IDEMPOTENT, "true",
            "Idempotent producer: a retried send is not written twice; needs required-acks=all."),
        new StorageOption(COMPRESSION, "none", "Compression of message batches: none, gzip, snappy, lz4 or zstd."),
        new StorageOption(COMPRESSION_LEVEL, "0", "Compression level for gzip, lz4 or zstd; 0 is the codec's default."),
        new StorageOption(BATCH_LINGER, "5ms", "How long the producer waits to fill a batch before sending it."),
        new StorageOption(BATCH_SIZE, "131072", "Most bytes in one batch of messages to one partition."),
        new StorageOption(MAX_MESSAGE_BYTES, "1000000", "Largest request the producer sends; a bigger span fails."),
        new StorageOption(BUFFER_MEMORY, Long.toString(64L << 20),
            "Bytes of messages the producer holds while the brokers are slow; beyond it writes wait, then fail."),
        new StorageOption(MAX_WAIT, "5s",
            "Longest a write waits for the brokers (metadata, buffer space, acknowledgement) before it fails."),
        new StorageOption(CLIENT_ID, "spoor-collector", "The producer's client id, as the brokers log it."));
  }

  /** @throws IllegalArgumentException naming the option, its value and what was expected */
  @Override
  public Storage create(StorageSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new KafkaStorage(KafkaProducerOptions.from(settings));
  }
}
