package io.spoor.storage.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import io.spoor.model.Span;
import io.spoor.model.TraceId;
import io.spoor.proto.api_v2.Model;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.storage.StorageSettings;
import io.spoor.testkit.kafka.KafkaBroker;
import io.spoor.testkit.kafka.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The kafka backend against a real broker: message layout, both encodings, a broker that goes away. */
@ExtendWith(KafkaExtension.class)
class KafkaStorageIT {
  private static Storage storage(KafkaBroker kafka, String topic, String encoding, String maxWait) {
    Storage s = new KafkaStorageFactory().create(StorageSettings.of(Map.of(
        KafkaStorageFactory.BROKERS, kafka.bootstrapServers(), KafkaStorageFactory.TOPIC, topic,
        KafkaStorageFactory.ENCODING, encoding, KafkaStorageFactory.MAX_WAIT, maxWait)));
    s.start();
    return s;
  }

  @Test
  void protobufMessagesAreOneApiV2SpanEachKeyedByTraceId(KafkaBroker kafka) throws Exception {
    List<Span> spans = new ArrayList<>(TestSpans.trace(TraceId.of(0, 0x77), 3));
    spans.addAll(TestSpans.trace(TraceId.of(0x1, 0x78), 2));
    try (Storage s = storage(kafka, "it-proto", "protobuf", "5s")) {
      s.spanWriter().write(spans);
      assertThat(s.metrics()).containsEntry("spoor_storage_kafka_spans_written_total", 5.0);
    }
    List<ConsumerRecord<String, byte[]>> records = consume(kafka, "it-proto", 5);
    assertThat(records).hasSize(5);
    Map<String, Integer> partitionOfKey = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      Model.Span proto = Model.Span.parseFrom(r.value()); // the oracle: classes generated from Jaeger's .proto
      Span original = spans.stream().filter(x -> x.spanId().toHex().equals(hex(proto.getSpanId().toByteArray()))
          && x.traceId().toHex().equals(r.key())).findFirst().orElseThrow();
      assertThat(proto.getTraceId().toByteArray()).isEqualTo(original.traceId().toBytes());
      assertThat(proto.getOperationName()).isEqualTo(original.operationName());
      assertThat(proto.getProcess().getServiceName()).isEqualTo(original.process().serviceName());
      assertThat(SpanEncoding.PROTOBUF.decode(r.value())).isEqualTo(original);
      assertThat(partitionOfKey.merge(r.key(), r.partition(), (a, b) -> a.equals(b) ? a : -1))
          .as("all spans of a trace on one partition").isNotEqualTo(-1);
    }
    assertThat(partitionOfKey).containsOnlyKeys("0000000000000077", "00000000000000010000000000000078");
  }

  @Test
  void jsonMessagesAreTheProtobufJsonOfTheSpan(KafkaBroker kafka) throws Exception {
    List<Span> spans = TestSpans.trace(TraceId.of(0, 0x99), 4);
    try (Storage s = storage(kafka, "it-json", "json", "5s")) {
      s.spanWriter().write(spans);
    }
    List<ConsumerRecord<String, byte[]>> records = consume(kafka, "it-json", 4);
    assertThat(records).hasSize(4);
    List<Span> decoded = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      Model.Span.Builder b = Model.Span.newBuilder();
      JsonFormat.parser().merge(new String(r.value(), StandardCharsets.UTF_8), b);
      assertThat(b.getProcess().getServiceName()).startsWith("svc-");
      assertThat(r.key()).isEqualTo("0000000000000099");
      decoded.add(SpanEncoding.JSON.decode(r.value()));
    }
    assertThat(decoded).containsExactlyElementsOf(spans); // one partition per trace keeps the order
  }

  @Test
  void aStoppedBrokerFailsWritesWithinTheWaitAndTheyRecoverWhenItIsBack(KafkaBroker kafka) {
    List<Span> spans = TestSpans.trace(TraceId.of(0, 0x55), 3);
    try (Storage s = storage(kafka, "it-down", "protobuf", "1s")) {
      s.spanWriter().write(spans);
      kafka.stop();
      try {
        long start = System.nanoTime();
        assertThatThrownBy(() -> s.spanWriter().write(spans)).isInstanceOf(StorageException.class)
            .hasMessageContaining("kafka: writing 3 spans to topic it-down failed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
        assertThat(s.check().healthy()).isFalse();
        assertThat(s.check().reason()).startsWith("kafka: last write failed");
        assertThat(s.metrics()).containsEntry("spoor_storage_kafka_write_failures_total", 1.0);
      } finally {
        kafka.start();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (true) {
        try {
          s.spanWriter().write(spans);
          break;
        } catch (StorageException e) {
          if (System.nanoTime() > deadline) {
            throw e;
          }
        }
      }
      assertThat(s.check().healthy()).isTrue();
    }
    assertThat(consume(kafka, "it-down", 6)).hasSizeGreaterThanOrEqualTo(6);
  }

  @Test
  void unreachableBrokersFailTheStartInBoundedTime() {
    Storage s = new KafkaStorageFactory().create(StorageSettings.of(Map.of(
        KafkaStorageFactory.BROKERS, "127.0.0.1:" + io.spoor.testkit.Ports.free(),
        KafkaStorageFactory.MAX_WAIT, "500ms")));
    long start = System.nanoTime();
    assertThatThrownBy(s::start).isInstanceOf(StorageException.class)
        .hasMessageContaining("did not answer for topic jaeger-spans within 500ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    s.close();
  }

  private static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }

  static List<ConsumerRecord<String, byte[]>> consume(KafkaBroker kafka, String topic, int atLeast) {
    Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic + "-" + System.nanoTime(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < atLeast && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(300)).forEach(out::add);
      }
      // anything beyond what was expected shows up too
      c.poll(Duration.ofMillis(300)).forEach(out::add);
    }
    return out;
  }
}
