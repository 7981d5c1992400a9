package io.spoor.storage.kafka;

import io.spoor.storage.StorageSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The validated {@code --kafka.producer.*} options and the Kafka producer configuration they make. */
record KafkaProducerOptions(
    String brokers,
    String topic,
    SpanEncoding encoding,
    String requiredAcks,
    boolean idempotent,
    String compression,
    int compressionLevel,
    Duration batchLinger,
    int batchSize,
    int maxMessageBytes,
    long bufferMemory,
    Duration maxWait,
    String clientId) {

  static final List<String> ACKS = List.of("noack", "local", "all");
  static final List<String> COMPRESSIONS = List.of("none", "gzip", "snappy", "lz4", "zstd");

  static KafkaProducerOptions from(StorageSettings s) {
    String brokers = s.getString(KafkaStorageFactory.BROKERS, KafkaStorageFactory.DEFAULT_BROKERS);
    if (brokers.isBlank()) {
      throw new IllegalArgumentException("--" + KafkaStorageFactory.BROKERS + ": \"\" (expected: host:port[,host:port...])");
    }
    for (String b : brokers.split(",")) {
      String t = b.trim();
      int colon = t.lastIndexOf(':');
      if (colon <= 0 || colon == t.length() - 1 || !t.substring(colon + 1).chars().allMatch(Character::isDigit)) {
        throw new IllegalArgumentException("--" + KafkaStorageFactory.BROKERS + ": \"" + brokers
            + "\" (expected: host:port[,host:port...])");
      }
    }
    String topic = s.getString(KafkaStorageFactory.TOPIC, KafkaStorageFactory.DEFAULT_TOPIC);
    if (topic.isEmpty() || !topic.matches("[a-zA-Z0-9._-]{1,249}")) {
      throw new IllegalArgumentException("--" + KafkaStorageFactory.TOPIC + ": \"" + topic
          + "\" (expected: 1 to 249 characters of a-z, A-Z, 0-9, '.', '_', '-')");
    }
    SpanEncoding encoding = SpanEncoding.parse(KafkaStorageFactory.ENCODING,
        s.getString(KafkaStorageFactory.ENCODING, "protobuf"));
    String acks = oneOf(s, KafkaStorageFactory.REQUIRED_ACKS, "all", ACKS);
    boolean idempotent = s.getBoolean(KafkaStorageFactory.IDEMPOTENT, true);
    if (idempotent && !acks.equals("all")) {
      throw new IllegalArgumentException("--" + KafkaStorageFactory.IDEMPOTENT + "=true needs --"
          + KafkaStorageFactory.REQUIRED_ACKS + "=all (got " + acks + "); set --"
          + KafkaStorageFactory.IDEMPOTENT + "=false to use " + acks);
    }
    String compression = oneOf(s, KafkaStorageFactory.COMPRESSION, "none", COMPRESSIONS);
    int level = s.getInt(KafkaStorageFactory.COMPRESSION_LEVEL, 0);
    Duration linger = s.getDuration(KafkaStorageFactory.BATCH_LINGER, Duration.ofMillis(5));
    int batchSize = s.getInt(KafkaStorageFactory.BATCH_SIZE, 131_072);
    positive(KafkaStorageFactory.BATCH_SIZE, batchSize);
    int maxMessage = s.getInt(KafkaStorageFactory.MAX_MESSAGE_BYTES, 1_000_000);
    positive(KafkaStorageFactory.MAX_MESSAGE_BYTES, maxMessage);
    long buffer = s.getLong(KafkaStorageFactory.BUFFER_MEMORY, 64L << 20);
    positive(KafkaStorageFactory.BUFFER_MEMORY, buffer);
    Duration maxWait = s.getDuration(KafkaStorageFactory.MAX_WAIT, Duration.ofSeconds(5));
    if (maxWait.toMillis() < 100 || maxWait.compareTo(linger.plusMillis(100)) < 0) {
      throw new IllegalArgumentException("--" + KafkaStorageFactory.MAX_WAIT + ": " + maxWait.toMillis()
          + "ms (expected: at least 100ms and 100ms more than --" + KafkaStorageFactory.BATCH_LINGER + ")");
    }
    String clientId = s.getString(KafkaStorageFactory.CLIENT_ID, "spoor-collector");
    return new KafkaProducerOptions(brokers, topic, encoding, acks, idempotent, compression, level, linger,
        batchSize, maxMessage, buffer, maxWait, clientId);
  }

  private static String oneOf(StorageSettings s, String flag, String dflt, List<String> choices) {
    String v = s.getString(flag, dflt).toLowerCase(Locale.ROOT);
    if (!choices.contains(v)) {
      throw new IllegalArgumentException("--" + flag + ": \"" + v + "\" (expected: one of "
          + String.join(", ", choices) + ")");
    }
    return v;
  }

  private static void positive(String flag, long v) {
    if (v <= 0) {
      throw new IllegalArgumentException("--" + flag + ": " + v + " (expected: a positive number)");
    }
  }

  /**
   * The producer's configuration. A send may wait for metadata or buffer space at most {@code
   * maxWait} ({@code max.block.ms}) and a record is failed {@code maxWait} after it was sent ({@code
   * delivery.timeout.ms}, which Kafka wants at least linger + request timeout).
   */
  Map<String, Object> producerConfig() {
    Map<String, Object> c = new HashMap<>();
    c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    c.put(ProducerConfig.ACKS_CONFIG, switch (requiredAcks) {
      case "noack" -> "0";
      case "local" -> "1";
      default -> "all";
    });
    c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
    c.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
    if (compressionLevel != 0 && !compression.equals("none") && !compression.equals("snappy")) {
      c.put("compression." + compression + ".level", compressionLevel);
    }
    c.put(ProducerConfig.LINGER_MS_CONFIG, (int) batchLinger.toMillis());
    c.put(ProducerConfig.BATCH_SIZE_CONFIG, batchSize);
    c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxMessageBytes);
    c.put(ProducerConfig.BUFFER_MEMORY_CONFIG, bufferMemory);
    long wait = maxWait.toMillis();
    c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, wait);
    c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) wait);
    c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (wait - batchLinger.toMillis()));
    c.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
    c.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    c.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return c;
  }
}
