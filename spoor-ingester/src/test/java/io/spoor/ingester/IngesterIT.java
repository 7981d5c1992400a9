package io.spoor.ingester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.kafka.SpanEncoding;
import io.spoor.testkit.kafka.KafkaBroker;
import io.spoor.testkit.kafka.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ingester against a real broker, writing to the in-memory store (or a writer the test controls). */
@ExtendWith(KafkaExtension.class)
class IngesterIT {
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  static List<Span> trace(long n, int spans) {
    TraceId id = TraceId.of(0xfeed, n);
    List<Span> out = new ArrayList<>();
    for (int i = 1; i <= spans; i++) {
      Span.Builder b = Span.newBuilder().traceId(id).spanId(SpanId.of(i)).operationName("op-" + i)
          .process(Process.of("ingest-svc")).startTimeNanos(1_700_000_000_000_000_000L + n * 1000 + i)
          .durationNanos(1_000).addTag(KeyValue.of("n", n));
      if (i > 1) {
        b.addReference(SpanRef.childOf(id, SpanId.of(1)));
      }
      out.add(b.build());
    }
    return out;
  }

  private static void send(KafkaBroker kafka, String topic, SpanEncoding encoding, List<Span> spans) throws Exception {
    try (KafkaProducer<String, byte[]> p = producer(kafka)) {
      for (Span s : spans) {
        p.send(new ProducerRecord<>(topic, SpanEncoding.key(s), encoding.encode(s))).get();
      }
    }
  }

  private static KafkaProducer<String, byte[]> producer(KafkaBroker kafka) {
    return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
  }

  private static void createTopic(KafkaBroker kafka, String topic, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
    }
  }

  private static long committed(KafkaBroker kafka, String group) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
    }
  }

  private Storage memory() {
    Storage s = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    s.start();
    opened.add(s);
    return s;
  }

  private Ingester ingester(KafkaBroker kafka, String topic, SpanWriter writer, SimpleMeterRegistry registry,
      SpanEncoding encoding, int parallelism, int batch) {
    IngesterConfig config = IngesterConfig.defaults().withBrokers(kafka.bootstrapServers()).withTopic(topic)
        .withGroupId("g-" + topic).withEncoding(encoding).withFlow(parallelism, 2, batch)
        .withCommitInterval(Duration.ofMillis(200));
    Ingester ingester = new Ingester(config, writer, registry);
    opened.add(ingester);
    ingester.start();
    return ingester;
  }

  private static double count(SimpleMeterRegistry r, String name, String... tags) {
    return r.get(name).tags(tags).counter().count();
  }

  @Test
  void writesEverySpanInBothEncodingsAndCommitsWhatItWrote(KafkaBroker kafka) throws Exception {
    for (SpanEncoding encoding : SpanEncoding.values()) {
      String topic = "ingest-all-" + encoding.flagValue();
      createTopic(kafka, topic, 3);
      List<Span> all = new ArrayList<>();
      for (long n = 1; n <= 20; n++) {
        all.addAll(trace(n, 5));
      }
      send(kafka, topic, encoding, all);
      Storage store = memory();
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      Ingester ingester = ingester(kafka, topic, store.spanWriter(), registry, encoding, 1000, 50);
      await().atMost(Duration.ofSeconds(60)).until(() -> count(registry, "spoor.ingester.spans.written") >= 100);
      for (long n = 1; n <= 20; n++) {
        assertThat(store.spanReader().getTrace(TraceId.of(0xfeed, n))).get()
            .satisfies(t -> assertThat(t.spans()).hasSize(5));
      }
      assertThat(store.spanReader().getTrace(TraceId.of(0xfeed, 1)).orElseThrow().spans())
          .containsExactlyInAnyOrderElementsOf(all.subList(0, 5));
      await().atMost(Duration.ofSeconds(10)).until(() -> committed(kafka, "g-" + topic) == 100);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(registry.get("spoor.ingester.consumer.lag")
          .gauges()).hasSize(3).allSatisfy(g -> assertThat(g.value()).isZero()));
      assertThat(count(registry, "spoor.ingester.messages.consumed")).isEqualTo(100);
      assertThat(ingester.health().healthy()).isTrue();
      ingester.close();
      assertThat(ingester.health().healthy()).isFalse();
    }
  }

  @Test
  void poisonMessagesAreSkippedCountedAndDoNotStopLaterOnes(KafkaBroker kafka) throws Exception {
    String topic = "ingest-poison";
    createTopic(kafka, topic, 1);
    List<Span> first = trace(100, 5);
    List<Span> later = trace(101, 5);
    send(kafka, topic, SpanEncoding.PROTOBUF, first);
    try (KafkaProducer<String, byte[]> p = producer(kafka)) {
      p.send(new ProducerRecord<>(topic, "garbage", "not a span \u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1))).get();
      p.send(new ProducerRecord<>(topic, "no-value", null)).get();
    }
    send(kafka, topic, SpanEncoding.PROTOBUF, later);
    Storage store = memory();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ingester(kafka, topic, store.spanWriter(), registry, SpanEncoding.PROTOBUF, 1000, 3);
    await().atMost(Duration.ofSeconds(60)).until(() -> count(registry, "spoor.ingester.spans.written") >= 10);
    assertThat(store.spanReader().getTrace(TraceId.of(0xfeed, 101))).get()
        .satisfies(t -> assertThat(t.spans()).hasSize(5));
    assertThat(count(registry, "spoor.ingester.messages.skipped", "reason", "decode")).isEqualTo(2);
    await().atMost(Duration.ofSeconds(10)).until(() -> committed(kafka, "g-" + topic) == 12);
  }

  @Test
  void aSlowStoragePausesThePartitionInsteadOfBuffering(KafkaBroker kafka) throws Exception {
    String topic = "ingest-slow";
    createTopic(kafka, topic, 1);
    List<Span> all = new ArrayList<>();
    for (long n = 1; n <= 100; n++) {
      all.addAll(trace(1000 + n, 5));
    }
    send(kafka, topic, SpanEncoding.PROTOBUF, all);
    CountDownLatch release = new CountDownLatch(1);
    Storage store = memory();
    SpanWriter slow = spans -> {
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      store.spanWriter().write(spans);
    };
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ingester(kafka, topic, slow, registry, SpanEncoding.PROTOBUF, 50, 10);
    await().atMost(Duration.ofSeconds(30)).until(() -> registry.get("spoor.ingester.partitions.paused").gauge().value() == 1);
    TimeUnit.SECONDS.sleep(1); // paused: no more is taken however long the storage stalls
    assertThat(count(registry, "spoor.ingester.messages.consumed")).isLessThan(100);
    assertThat(registry.get("spoor.ingester.consumer.lag").gauge().value()).isEqualTo(500);
    release.countDown();
    await().atMost(Duration.ofSeconds(60)).until(() -> count(registry, "spoor.ingester.spans.written") >= 500);
    await().atMost(Duration.ofSeconds(5)).until(() -> registry.get("spoor.ingester.partitions.paused").gauge().value() == 0);
    assertThat(count(registry, "spoor.ingester.spans.written")).isEqualTo(500);
  }

  @Test
  void aFailingStorageIsRetriedUntilItTakesTheSpans(KafkaBroker kafka) throws Exception {
    String topic = "ingest-retry";
    createTopic(kafka, topic, 1);
    send(kafka, topic, SpanEncoding.PROTOBUF, trace(7, 5));
    Storage store = memory();
    AtomicInteger failuresLeft = new AtomicInteger(3);
    SpanWriter flaky = spans -> {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new StorageException("storage down (test)");
      }
      store.spanWriter().write(spans);
    };
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ingester(kafka, topic, flaky, registry, SpanEncoding.PROTOBUF, 1000, 100);
    await().atMost(Duration.ofSeconds(30)).until(() -> count(registry, "spoor.ingester.spans.written") >= 5);
    assertThat(count(registry, "spoor.ingester.write.errors")).isEqualTo(3);
    assertThat(store.spanReader().getTrace(TraceId.of(0xfeed, 7)).orElseThrow().spans()).hasSize(5);
    await().atMost(Duration.ofSeconds(10)).until(() -> committed(kafka, "g-" + topic) == 5);
  }

  @Test
  void aGracefulStopCommitsWhatItWroteSoTheNextRunNeitherLosesNorRepeats(KafkaBroker kafka) throws Exception {
    String topic = "ingest-stop";
    createTopic(kafka, topic, 3);
    List<Span> all = new ArrayList<>();
    for (long n = 1; n <= 200; n++) {
      all.addAll(trace(5000 + n, 2));
    }
    send(kafka, topic, SpanEncoding.PROTOBUF, all);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger writes = new AtomicInteger();
    SpanWriter recording = spans -> {
      try {
        TimeUnit.MILLISECONDS.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      for (Span s : spans) {
        writes.incrementAndGet();
        seen.add(s.traceId().toHex() + "/" + s.spanId().toHex());
      }
    };
    SimpleMeterRegistry first = new SimpleMeterRegistry();
    Ingester one = ingester(kafka, topic, recording, first, SpanEncoding.PROTOBUF, 100, 10);
    await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() >= 100);
    one.close();
    int afterFirst = writes.get();
    assertThat(afterFirst).isLessThan(400);
    assertThat(committed(kafka, "g-" + topic)).isEqualTo(afterFirst);

    ingester(kafka, topic, recording, new SimpleMeterRegistry(), SpanEncoding.PROTOBUF, 100, 10);
    await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= 400);
    TimeUnit.MILLISECONDS.sleep(500);
    assertThat(writes.get()).as("no span written twice").isEqualTo(400);
    Set<String> expected = new HashSet<>();
    all.forEach(s -> expected.add(s.traceId().toHex() + "/" + s.spanId().toHex()));
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void twoIngestersOfOneGroupShareThePartitionsAndASecondJoiningMidStreamLosesNothing(KafkaBroker kafka)
      throws Exception {
    String topic = "ingest-group";
    createTopic(kafka, topic, 3);
    List<Span> all = new ArrayList<>();
    for (long n = 1; n <= 300; n++) {
      all.addAll(trace(9000 + n, 2));
    }
    send(kafka, topic, SpanEncoding.PROTOBUF, all.subList(0, 300));
    Set<String> seen = ConcurrentHashMap.newKeySet();
    SpanWriter recording = spans -> {
      try {
        TimeUnit.MILLISECONDS.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      spans.forEach(s -> seen.add(s.traceId().toHex() + "/" + s.spanId().toHex()));
    };
    // 300 of the 600 spans go before the second ingester joins, the rest once both have partitions.
    SimpleMeterRegistry first = new SimpleMeterRegistry();
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    ingester(kafka, topic, recording, first, SpanEncoding.PROTOBUF, 50, 10);
    await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= 50);
    ingester(kafka, topic, recording, second, SpanEncoding.PROTOBUF, 50, 10); // rebalance mid-stream
    await().atMost(Duration.ofSeconds(30)).until(() ->
        first.get("spoor.ingester.partitions.assigned").gauge().value() > 0
            && second.get("spoor.ingester.partitions.assigned").gauge().value() > 0);
    send(kafka, topic, SpanEncoding.PROTOBUF, all.subList(300, all.size()));
    await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() >= all.size());
    assertThat(first.get("spoor.ingester.partitions.assigned").gauge().value()
        + second.get("spoor.ingester.partitions.assigned").gauge().value()).isEqualTo(3);
    assertThat(count(second, "spoor.ingester.spans.written")).isPositive();
    await().atMost(Duration.ofSeconds(10)).until(() -> committed(kafka, "g-" + topic) == all.size());
  }
}
