package io.spoor.server;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.codec.otlp.OtlpCodec;
import io.spoor.collector.Collector;
import io.spoor.collector.CollectorConfig.Endpoint;
import io.spoor.ingester.Ingester;
import io.spoor.ingester.IngesterConfig;
import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.kafka.KafkaStorageFactory;
import io.spoor.testkit.kafka.KafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Collector → Kafka → ingester against the same load straight into the collector, same storage
 * (memory), same process: throughput (spans/s) and end-to-end latency (request sent → last span of
 * the trace written to storage). Run with {@code bench/kafka-pipeline.sh [seconds] [clients]}.
 */
final class KafkaPipelineBenchmark {
  private static final int TRACES_PER_REQUEST = 20;
  private static final int SPANS_PER_TRACE = 5;

  record Result(String name, long acked, long rejected, long traces, double spansPerSecond,
      double p50Ms, double p99Ms, double maxMs) {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    Path dir = Path.of("target", "bench-kafka").toAbsolutePath();
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    List<Result> results = new ArrayList<>();
    try (KafkaBroker kafka = KafkaBroker.start(dir, 3)) {
      results.add(run("collector → memory (no Kafka)", null, seconds, clients));
      results.add(run("collector → Kafka → ingester → memory", kafka, seconds, clients));
    }
    System.out.printf("%n%d s measured after 5 s warm-up, %d client threads, OTLP/HTTP protobuf, %d spans per request%n",
        seconds, clients, TRACES_PER_REQUEST * SPANS_PER_TRACE);
    System.out.println("| pipeline | spans/s | e2e p50 ms | e2e p99 ms | max ms | requests 200 / refused |");
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (Result r : results) {
      System.out.printf("| %s | %,.0f | %.1f | %.1f | %.1f | %,d / %,d |%n", r.name(), r.spansPerSecond(),
          r.p50Ms(), r.p99Ms(), r.maxMs(), r.acked(), r.rejected());
    }
    Result direct = results.get(0);
    Result viaKafka = results.get(1);
    System.out.printf("ratio Kafka / direct: throughput %.2f, p99 %.1f%n",
        viaKafka.spansPerSecond() / direct.spansPerSecond(), viaKafka.p99Ms() / direct.p99Ms());
  }

  private static Result run(String name, KafkaBroker kafka, int seconds, int clients) throws Exception {
    Storage memory = StorageFactory.find("memory").orElseThrow()
        .create(StorageSettings.of(Map.of("memory.max-traces", "200000")));
    memory.start();
    Map<TraceId, Long> sentAt = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicLong lastRecorded = new AtomicLong();
    SpanWriter timing = spans -> {
      memory.spanWriter().write(spans);
      long now = System.nanoTime();
      for (Span s : spans) {
        if (s.spanId().equals(SpanId.of(SPANS_PER_TRACE))) {
          Long sent = sentAt.remove(s.traceId());
          if (sent != null) {
            latencies.add(now - sent);
            lastRecorded.set(now);
          }
        }
      }
    };
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<AutoCloseable> opened = new ArrayList<>();
    SpanWriter collectorWriter = timing;
    String topic = "bench-" + System.nanoTime();
    if (kafka != null) {
      Storage kafkaStorage = new KafkaStorageFactory().create(StorageSettings.of(Map.of(
          KafkaStorageFactory.BROKERS, kafka.bootstrapServers(), KafkaStorageFactory.TOPIC, topic)));
      kafkaStorage.start();
      opened.add(kafkaStorage);
      collectorWriter = kafkaStorage.spanWriter();
      Ingester ingester = new Ingester(IngesterConfig.defaults().withBrokers(kafka.bootstrapServers())
          .withTopic(topic).withGroupId("bench-" + topic), timing, registry);
      ingester.start();
      opened.add(ingester);
    }
    CollectorOptions options = new CollectorOptions();
    options.grpc = "";
    options.http = "";
    options.otlpGrpc = "";
    options.zipkin = "";
    options.otlpHttp = "127.0.0.1:0";
    Collector collector = new Collector(options.toConfig(), collectorWriter, registry);
    collector.start();
    opened.add(collector);
    int port = collector.port(Endpoint.OTLP_HTTP);

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    AtomicLong nextTrace = new AtomicLong();
    AtomicLong acked = new AtomicLong();
    AtomicLong rejected = new AtomicLong();
    long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long end = warmupEnd + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        while (System.nanoTime() < end) {
          List<Span> spans = new ArrayList<>();
          List<TraceId> ids = new ArrayList<>();
          long startNanos = System.currentTimeMillis() * 1_000_000L;
          for (int t = 0; t < TRACES_PER_REQUEST; t++) {
            TraceId id = TraceId.of(0xbe7c, nextTrace.incrementAndGet());
            ids.add(id);
            for (int i = 1; i <= SPANS_PER_TRACE; i++) {
              Span.Builder b = Span.newBuilder().traceId(id).spanId(SpanId.of(i)).operationName("op-" + i)
                  .process(Process.of("bench-" + (t % 4))).startTimeNanos(startNanos + i).durationNanos(1_000)
                  .addTag(KeyValue.of("http.status_code", 200L)).addTag(KeyValue.of("component", "bench"));
              if (i > 1) {
                b.addReference(SpanRef.childOf(id, SpanId.of(1)));
              }
              spans.add(b.build());
            }
          }
          byte[] body = OtlpCodec.encodeRequest(spans).toByteArray();
          long sent = System.nanoTime();
          boolean measured = sent >= warmupEnd;
          if (measured) {
            ids.forEach(id -> sentAt.put(id, sent));
          }
          int status;
          try {
            status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/traces"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
          } catch (Exception e) {
            status = -1;
          }
          if (status == 200) {
            acked.incrementAndGet();
          } else {
            rejected.incrementAndGet();
            ids.forEach(sentAt::remove);
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!sentAt.isEmpty() && System.nanoTime() < waitUntil) {
      TimeUnit.MILLISECONDS.sleep(50);
    }
    long missing = sentAt.size();
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    memory.close();
    List<Long> sorted = new ArrayList<>(latencies);
    sorted.sort(null);
    long traces = sorted.size();
    double window = (lastRecorded.get() - warmupEnd) / 1e9;
    if (missing > 0) {
      System.out.println(name + ": " + missing + " acknowledged traces were not written within 60 s");
    }
    return new Result(name, acked.get(), rejected.get(), traces, traces * SPANS_PER_TRACE / window,
        percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
  }

  private static double percentile(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1);
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
