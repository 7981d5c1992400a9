package io.spoor.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.testkit.Ports;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared broker takes messages, survives SIGKILL and a graceful stop with its data, on the same port. */
@ExtendWith(KafkaExtension.class)
class KafkaBrokerIT {
  @Test
  void keepsMessagesAcrossKillAndStop(KafkaBroker kafka) throws Exception {
    assertThat(kafka.dataDir().resolve("kafka-logs/meta.properties")).exists();
    send(kafka, "before-kill");
    kafka.kill();
    assertThat(Ports.isOpen(kafka.port())).isFalse();
    kafka.start();
    send(kafka, "after-kill");
    kafka.stop();
    assertThat(kafka.isRunning()).isFalse();
    kafka.start();
    assertThat(readAll(kafka, 2)).containsExactly("before-kill", "after-kill");
  }

  private static void send(KafkaBroker kafka, String value) throws Exception {
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>("testkit-broker", "k", value)).get();
    }
  }

  private static List<String> readAll(KafkaBroker kafka, int expected) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "testkit", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of("testkit-broker"));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(new String(r.value().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }
}
