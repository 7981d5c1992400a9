package io.spoor.storage.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class KafkaStorageFactoryTest {
  private final KafkaStorageFactory factory = new KafkaStorageFactory();

  @Test
  void isFoundByNameWithJaegersOptionNames() {
    assertThat(StorageFactory.find("kafka")).get().isInstanceOf(KafkaStorageFactory.class);
    assertThat(factory.options()).extracting(StorageOption::name).contains("kafka.producer.brokers",
        "kafka.producer.topic", "kafka.producer.encoding", "kafka.producer.required-acks",
        "kafka.producer.compression", "kafka.producer.batch-linger", "kafka.producer.batch-size");
  }

  @Test
  void defaultsAreJaegersTopicAndBrokerWithAFullyAcknowledgedIdempotentProducer() {
    KafkaStorage s = (KafkaStorage) factory.create(StorageSettings.empty());
    assertThat(s.options().topic()).isEqualTo("jaeger-spans");
    assertThat(s.options().encoding()).isEqualTo(SpanEncoding.PROTOBUF);
    Map<String, Object> c = s.options().producerConfig();
    assertThat(c).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all").containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000L)
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000)
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 4995);
  }

  @Test
  void invalidOptionsFailWithOneLineNamingTheFlag() {
    assertThatThrownBy(() -> create(KafkaStorageFactory.ENCODING, "avro"))
        .hasMessage("--kafka.producer.encoding: \"avro\" (expected: one of protobuf, json)");
    assertThatThrownBy(() -> create(KafkaStorageFactory.REQUIRED_ACKS, "some"))
        .hasMessage("--kafka.producer.required-acks: \"some\" (expected: one of noack, local, all)");
    assertThatThrownBy(() -> create(KafkaStorageFactory.REQUIRED_ACKS, "local"))
        .hasMessageContaining("--kafka.producer.idempotent=true needs --kafka.producer.required-acks=all");
    assertThatThrownBy(() -> create(KafkaStorageFactory.COMPRESSION, "brotli"))
        .hasMessageContaining("--kafka.producer.compression: \"brotli\"");
    assertThatThrownBy(() -> create(KafkaStorageFactory.BROKERS, "localhost"))
        .hasMessageContaining("--kafka.producer.brokers: \"localhost\" (expected: host:port");
    assertThatThrownBy(() -> create(KafkaStorageFactory.TOPIC, "bad topic"))
        .hasMessageContaining("--kafka.producer.topic: \"bad topic\"");
    assertThatThrownBy(() -> create(KafkaStorageFactory.MAX_WAIT, "10ms"))
        .hasMessageContaining("--kafka.producer.max-wait: 10ms");
    assertThatThrownBy(() -> create(KafkaStorageFactory.BATCH_SIZE, "0"))
        .hasMessage("--kafka.producer.batch-size: 0 (expected: a positive number)");
  }

  @Test
  void readingIsRefusedWithAPointerToTheIngester() {
    Storage s = factory.create(StorageSettings.empty());
    assertThatThrownBy(s::spanReader).isInstanceOf(StorageException.class)
        .hasMessageContaining("only writes").hasMessageContaining("spoor ingester");
    assertThatThrownBy(s::dependencyStore).isInstanceOf(StorageException.class).hasMessageContaining("spoor ingester");
    assertThat(s.check().healthy()).isFalse();
    s.close();
  }

  private Storage create(String flag, String value) {
    return factory.create(StorageSettings.of(Map.of(flag, value)));
  }
}
