package io.spoor.storage.kafka;

import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;

/** A Kafka producer behind the storage SPI; see {@link KafkaStorageFactory}. */
final class KafkaStorage implements Storage {
  static final String WRITE_ONLY = "the kafka storage only writes spans to a Kafka topic and cannot read them:"
      + " run 'spoor ingester' to move them into a readable backend (memory, rocksdb, cassandra, elasticsearch)"
      + " and point 'spoor query' at that backend";

  private final KafkaProducerOptions options;
  private volatile KafkaSpanWriter writer;
  private volatile KafkaProducer<String, byte[]> producer;
  private volatile boolean closed;

  KafkaStorage(KafkaProducerOptions options) {
    this.options = options;
  }

  KafkaProducerOptions options() {
    return options;
  }

  /** Creates the producer and waits (at most {@code max-wait}) for the topic's partitions. */
  @Override
  public synchronized void start() {
    if (producer != null) {
      return;
    }
    KafkaProducer<String, byte[]> p;
    try {
      p = new KafkaProducer<>(options.producerConfig());
    } catch (KafkaException e) {
      throw new StorageException("kafka: cannot create a producer for " + options.brokers() + ": " + e.getMessage(), e);
    }
    try {
      p.partitionsFor(options.topic());
    } catch (KafkaException e) {
      p.close(java.time.Duration.ZERO);
      throw new StorageException("kafka: brokers " + options.brokers() + " did not answer for topic "
          + options.topic() + " within " + options.maxWait().toMillis() + "ms (are they reachable, and does the"
          + " topic exist or may the brokers create it?): " + e.getMessage(), e);
    }
    producer = p;
    writer = new KafkaSpanWriter(p, options.topic(), options.encoding(), options.maxWait());
  }

  @Override
  public SpanWriter spanWriter() {
    KafkaSpanWriter w = writer;
    if (w == null) {
      throw new IllegalStateException("kafka storage not started");
    }
    return w;
  }

  @Override
  public SpanReader spanReader() {
    throw new StorageException(WRITE_ONLY);
  }

  @Override
  public DependencyStore dependencyStore() {
    throw new StorageException(WRITE_ONLY);
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of();
  }

  /** Unhealthy while the last write failed (the brokers were unreachable or refused it). */
  @Override
  public HealthStatus check() {
    KafkaSpanWriter w = writer;
    if (closed || w == null) {
      return HealthStatus.unhealthy("kafka: producer not running");
    }
    String failure = w.lastFailure();
    return failure == null ? HealthStatus.OK : HealthStatus.unhealthy("kafka: last write failed: " + failure);
  }

  @Override
  public Map<String, Double> metrics() {
    KafkaSpanWriter w = writer;
    return w == null ? Map.of() : w.metrics();
  }

  @Override
  public void purge() {
    throw new StorageException("kafka: purge is not supported (delete the topic " + options.topic() + " instead)");
  }

  /** Sends what is buffered (at most {@code max-wait}) and closes the producer. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    KafkaProducer<String, byte[]> p = producer;
    if (p != null) {
      p.close(java.time.Duration.ofMillis(options.maxWait().toMillis()));
    }
  }
}
