package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.client.grpc.GrpcClients;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.spoor.codec.jaeger.proto.JaegerProtoCodec;
import io.spoor.codec.otlp.OtlpCodec;
import io.spoor.proto.api_v2.Collector.PostSpansRequest;
import io.spoor.proto.api_v2.CollectorServiceGrpc;
import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.kafka.KafkaStorageFactory;
import io.spoor.testkit.kafka.KafkaBroker;
import io.spoor.testkit.kafka.KafkaExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kafka deployment end to end, every component a {@code spoor} process: OTLP → collector
 * ({@code SPAN_STORAGE_TYPE=kafka}) → a real broker → ingester (rocksdb) → query API.
 */
@ExtendWith(KafkaExtension.class)
class KafkaPipelineIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final long base = System.currentTimeMillis() * 1_000_000L;

  private static Path dir(String name) throws IOException {
    return Files.createTempDirectory(Files.createDirectories(Path.of("target", "kafka-pipeline")), name);
  }

  private List<Span> trace(String service, long n) {
    TraceId id = TraceId.of(0xcafe, n);
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Span.Builder b = Span.newBuilder().traceId(id).spanId(SpanId.of(i)).operationName("op-" + i)
          .process(Process.of(service)).startTimeNanos(base + n * 1_000_000L + i).durationNanos(1_000)
          .addTag(KeyValue.of("n", n));
      if (i > 1) {
        b.addReference(SpanRef.childOf(id, SpanId.of(1)));
      }
      spans.add(b.build());
    }
    return spans;
  }

  private int post(int otlpPort, List<Span> spans) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + otlpPort + "/v1/traces"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(OtlpCodec.encodeRequest(spans).toByteArray())).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  private JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 && r.statusCode() != 404) {
      throw new AssertionError("GET " + path + ": " + r.statusCode() + " " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** Span ids of a trace as the query API shows it (adjusted, so de-duplicated), or empty. */
  private List<String> spanIds(int queryPort, long n) throws Exception {
    JsonNode data = get(queryPort, "/api/traces/" + TraceId.of(0xcafe, n).toHex()).get("data");
    List<String> ids = new ArrayList<>();
    if (data != null && data.size() == 1) {
      data.get(0).get("spans").forEach(s -> ids.add(s.get("spanID").asText()));
    }
    return ids;
  }

  private static ForkedSpoor collector(Path logs, KafkaBroker kafka, String topic) throws IOException {
    return ForkedSpoor.start(logs, "collector", Map.of("SPAN_STORAGE_TYPE", "kafka",
        "KAFKA_PRODUCER_BROKERS", kafka.bootstrapServers(), "KAFKA_PRODUCER_TOPIC", topic,
        "KAFKA_PRODUCER_MAX_WAIT", "1s"), "--collector.num-workers=4");
  }

  private static ForkedSpoor ingester(Path logs, KafkaBroker kafka, String topic, Path data, String... args)
      throws IOException {
    return ForkedSpoor.start(logs, "ingester", Map.of("SPAN_STORAGE_TYPE", "rocksdb",
        "ROCKSDB_PATH", data.toString(), "KAFKA_CONSUMER_BROKERS", kafka.bootstrapServers(),
        "KAFKA_CONSUMER_TOPIC", topic, "KAFKA_CONSUMER_GROUP_ID", "group-" + topic), args);
  }

  private static ForkedSpoor query(Path logs, Path data) throws IOException {
    return ForkedSpoor.start(logs, "query", Map.of("SPAN_STORAGE_TYPE", "rocksdb", "ROCKSDB_PATH", data.toString()));
  }

  @Test
  void everySpanSentToTheCollectorIsReadableThroughTheQueryApi(KafkaBroker kafka) throws Exception {
    Path work = dir("all");
    Path data = work.resolve("rocksdb");
    int traces = 60;
    try (ForkedSpoor collector = collector(work, kafka, "e2e-all");
        ForkedSpoor ingester = ingester(work, kafka, "e2e-all", data)) {
      for (long n = 1; n <= traces; n++) {
        assertThat(post(collector.port("otlp_http"), trace("e2e-svc", n))).isEqualTo(200);
      }
      assertThat(collector.metric("spoor_storage_kafka_spans_written_total")).isEqualTo(traces * 5);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
          .until(() -> ingester.metric("spoor_ingester_spans_written_total") >= traces * 5);
      assertThat(ingester.metric("spoor_ingester_consumer_lag")).isZero();
      assertThat(ingester.metric("spoor_ingester_messages_skipped_total")).isZero();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
          "http://127.0.0.1:" + ingester.port("admin") + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("Server available");
      assertThat(ingester.stop()).as("exit after SIGTERM").isIn(0, 143);
    }
    try (ForkedSpoor query = query(work, data)) {
      int port = query.port("query_http");
      for (long n = 1; n <= traces; n++) {
        assertThat(spanIds(port, n)).as("trace %d", n).hasSize(5).doesNotHaveDuplicates();
      }
      JsonNode found = get(port, "/api/traces?service=e2e-svc&limit=" + (traces + 10) + "&lookback=2h").get("data");
      List<String> order = new ArrayList<>();
      found.forEach(t -> order.add(t.get("traceID").asText()));
      List<String> expected = new ArrayList<>();
      for (long n = traces; n >= 1; n--) {
        expected.add(TraceId.of(0xcafe, n).toHex());
      }
      assertThat(order).as("newest first").isEqualTo(expected);
    }
  }

  @Test
  void anIngesterKilledBetweenWriteAndCommitLosesNothingAndDuplicatesNothing(KafkaBroker kafka) throws Exception {
    Path work = dir("kill");
    Path data = work.resolve("rocksdb");
    String topic = "e2e-kill";
    Queue<Long> sent = new ConcurrentLinkedQueue<>();
    AtomicBoolean producing = new AtomicBoolean(true);
    Storage producer = new KafkaStorageFactory().create(StorageSettings.of(Map.of(
        KafkaStorageFactory.BROKERS, kafka.bootstrapServers(), KafkaStorageFactory.TOPIC, topic)));
    producer.start();
    Thread load = new Thread(() -> {
      long n = 0;
      while (producing.get()) {
        List<Span> batch = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          n++;
          batch.addAll(trace("kill-svc", n));
          ids.add(n);
        }
        producer.spanWriter().write(batch); // returns once Kafka has every span
        sent.addAll(ids);
        try {
          TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "load");
    load.start();
    try {
      // A long commit interval: the kill surely lands after writes whose offsets are not committed yet.
      ForkedSpoor first = ingester(work, kafka, topic, data, "--ingester.commit-interval=10s",
          "--ingester.batch-size=20");
      double writtenBeforeKill;
      try {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> first.metric("spoor_ingester_spans_written_total") >= 1000);
        writtenBeforeKill = first.metric("spoor_ingester_spans_written_total");
        first.kill();
      } finally {
        first.close();
      }
      long committedAtKill = committedMessages(kafka, "group-" + topic);
      assertThat(writtenBeforeKill).as("written but not committed when killed").isGreaterThan(committedAtKill);

      try (ForkedSpoor second = ingester(work, kafka, topic, data, "--ingester.batch-size=20")) {
        TimeUnit.SECONDS.sleep(2);
        producing.set(false);
        load.join(30_000);
        long total = sent.size() * 5L;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
            .until(() -> committedMessages(kafka, "group-" + topic) >= total);
        assertThat(second.metric("spoor_ingester_spans_written_total"))
            .as("the second run replays what the first wrote after its last commit")
            .isGreaterThanOrEqualTo(total - committedAtKill);
        assertThat(second.stop()).as("exit after SIGTERM").isIn(0, 143);
      }
    } finally {
      producing.set(false);
      load.join(30_000);
      producer.close();
    }
    try (ForkedSpoor query = query(work, data)) {
      int port = query.port("query_http");
      List<Long> wrong = new ArrayList<>();
      List<Long> all = new ArrayList<>(sent);
      assertThat(new HashSet<>(all)).hasSize(all.size());
      for (int from = 0; from < all.size(); from += 40) {
        List<Long> chunk = all.subList(from, Math.min(all.size(), from + 40));
        StringBuilder path = new StringBuilder("/api/traces?");
        chunk.forEach(n -> path.append("traceID=").append(TraceId.of(0xcafe, n).toHex()).append('&'));
        Map<String, List<String>> found = new java.util.HashMap<>();
        get(port, path.toString()).get("data").forEach(t -> {
          List<String> ids = new ArrayList<>();
          t.get("spans").forEach(sp -> ids.add(sp.get("spanID").asText()));
          found.put(t.get("traceID").asText(), ids);
        });
        for (long n : chunk) {
          List<String> ids = found.getOrDefault(TraceId.of(0xcafe, n).toHex(), List.of());
          if (ids.size() != 5 || new HashSet<>(ids).size() != 5) {
            wrong.add(n);
          }
        }
      }
      assertThat(wrong).as("traces missing, partial or duplicated after SIGKILL of the ingester").isEmpty();
    }
  }

  @Test
  void aStoppedBrokerMakesTheCollectorAnswer503AndUnavailableUntilItIsBack(KafkaBroker kafka) throws Exception {
    Path work = dir("down");
    Path data = work.resolve("rocksdb");
    String topic = "e2e-down";
    List<Long> acknowledged = new ArrayList<>();
    try (ForkedSpoor collector = collector(work, kafka, topic);
        ForkedSpoor ingester = ingester(work, kafka, topic, data)) {
      int otlp = collector.port("otlp_http");
      long n = 0;
      for (int i = 0; i < 5; i++) {
        assertThat(post(otlp, trace("down-svc", ++n))).isEqualTo(200);
        acknowledged.add(n);
      }
      kafka.stop();
      try {
        long start = System.nanoTime();
        int status = post(otlp, trace("down-svc", ++n));
        assertThat(status).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(collector.metric("spoor_storage_kafka_write_failures_total")).isGreaterThanOrEqualTo(1);
        CollectorServiceGrpc.CollectorServiceBlockingStub grpc = GrpcClients.builder(
                "http://127.0.0.1:" + collector.port("jaeger_grpc"))
            .responseTimeout(Duration.ofSeconds(30)).build(CollectorServiceGrpc.CollectorServiceBlockingStub.class);
        PostSpansRequest request = PostSpansRequest.newBuilder()
            .setBatch(new JaegerProtoCodec().toBatch(trace("down-svc", ++n))).build();
        assertThatThrownBy(() -> grpc.postSpans(request)).isInstanceOf(StatusRuntimeException.class)
            .satisfies(e -> assertThat(((StatusRuntimeException) e).getStatus().getCode())
                .isEqualTo(Status.Code.UNAVAILABLE));
      } finally {
        kafka.start();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      int status;
      do {
        status = post(otlp, trace("down-svc", ++n));
        if (status == 200) {
          acknowledged.add(n);
        } else {
          TimeUnit.MILLISECONDS.sleep(500);
        }
      } while (status != 200 && System.nanoTime() < deadline);
      assertThat(status).as("collector recovers once the broker is back").isEqualTo(200);
      for (int i = 0; i < 5; i++) {
        assertThat(post(otlp, trace("down-svc", ++n))).isEqualTo(200);
        acknowledged.add(n);
      }
      long total = acknowledged.size() * 5L;
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
          .until(() -> committedMessages(kafka, "group-" + topic) >= total);
      assertThat(ingester.stop()).as("exit after SIGTERM").isIn(0, 143);
    }
    try (ForkedSpoor query = query(work, data)) {
      int port = query.port("query_http");
      for (long n : acknowledged) {
        assertThat(spanIds(port, n)).as("acknowledged trace %d", n).hasSize(5);
      }
    }
  }

  private static long committedMessages(KafkaBroker kafka, String group) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
          .values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
    }
  }
}
