package io.spoor.ingester;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.kafka.KafkaStorageFactory;
import io.spoor.storage.kafka.SpanEncoding;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A storage whose writes go through Kafka: the kafka backend's writer, a real broker, an {@link
 * Ingester}, and the memory store, which answers the reads. The TCK run on it shows that the round
 * trip through Jaeger's message format keeps every span of Jaeger's fixtures intact.
 */
final class KafkaPipelineStorage implements Storage {
  private final Storage kafka;
  private final Storage memory;
  private final Ingester ingester;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  KafkaPipelineStorage(String brokers, String topic, SpanEncoding encoding) {
    this.kafka = new KafkaStorageFactory().create(StorageSettings.of(Map.of(KafkaStorageFactory.BROKERS, brokers,
        KafkaStorageFactory.TOPIC, topic, KafkaStorageFactory.ENCODING, encoding.flagValue())));
    this.memory = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    this.ingester = new Ingester(IngesterConfig.defaults().withBrokers(brokers).withTopic(topic)
        .withGroupId("tck-" + topic).withEncoding(encoding).withCommitInterval(Duration.ofMillis(200)),
        memory.spanWriter(), registry);
  }

  @Override
  public void start() {
    memory.start();
    kafka.start();
    ingester.start();
  }

  /**
   * Kafka's writer, then a wait until the ingester wrote what Kafka acknowledged: the SPI promises
   * spans readable once {@code write} returns, and the TCK reads right after writing (a trace counted
   * in a search must already be whole).
   */
  @Override
  public SpanWriter spanWriter() {
    return spans -> {
      kafka.spanWriter().write(spans);
      awaitIngested();
    };
  }

  @Override
  public SpanReader spanReader() {
    return memory.spanReader();
  }

  @Override
  public DependencyStore dependencyStore() {
    return memory.dependencyStore();
  }

  @Override
  public Set<Capability> capabilities() {
    return memory.capabilities();
  }

  @Override
  public HealthStatus check() {
    HealthStatus h = ingester.health();
    return h.healthy() ? kafka.check() : h;
  }

  /** Waits until the ingester wrote every span Kafka acknowledged, so nothing lands after the purge. */
  @Override
  public void purge() {
    awaitIngested();
    memory.purge();
  }

  private void awaitIngested() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (registry.get("spoor.ingester.spans.written").counter().count()
        < kafka.metrics().get("spoor_storage_kafka_spans_written_total")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the ingester did not catch up in 30 s");
      }
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Override
  public void close() {
    kafka.close();
    ingester.close();
    memory.close();
  }
}
