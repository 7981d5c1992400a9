package io.spoor.storage.cassandra;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Write throughput and search latency of the cassandra backend on the test node, with the rocksdb
 * backend on the same spans and queries as the peer. Off by default; run with
 *
 * <pre>
 * ./mvnw -B -pl spoor-storage-cassandra -am verify -Dtest=CassandraBenchmark -Dit.test=NoSuchIT \
 *   -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *   -Dspoor.bench.cassandra=true -Dspoor.bench.spans=1000000 -Dspoor.testkit.cassandra.heap=2g
 * </pre>
 *
 * Spans: traces of 1-12 spans (mean ~6.5) over 10 services and 5 operations each, 4-6 tags per span,
 * start times spread over the last 50 minutes, written in batches of 100 by 4 threads (as collector
 * workers do). Searches (lookback 1 h, limit 20): service; service + operation; service + tag;
 * service + duration range; equal numbers of each, after a warm-up.
 */
@ExtendWith(CassandraExtension.class)
@EnabledIfSystemProperty(named = "spoor.bench.cassandra", matches = "true")
class CassandraBenchmark {
  private static final int SERVICES = 10;
  private static final int OPERATIONS = 5;
  private static final int THREADS = 4;
  private static final int BATCH = 100;

  @Test
  void writeThroughputAndSearchLatency(CassandraServer node) throws Exception {
    int spans = Integer.getInteger("spoor.bench.spans", 100_000);
    int searches = Integer.getInteger("spoor.bench.searches", 400);
    List<List<Span>> batches = generate(spans, 42);
    int total = batches.stream().mapToInt(List::size).sum();
    System.out.printf(Locale.ROOT, "spans: %,d in %,d batches of %d%n", total, batches.size(), BATCH);

    Storage cassandra = TestCassandra.storage(node, "spoor_bench");
    Path rocksDir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "bench-rocksdb");
    Storage rocksdb = StorageFactory.find("rocksdb").orElseThrow()
        .create(StorageSettings.of(Map.of("rocksdb.path", rocksDir.toString())));
    try {
      cassandra.start();
      cassandra.purge();
      rocksdb.start();
      double cassandraRate = write("cassandra", cassandra, batches);
      double rocksRate = write("rocksdb", rocksdb, batches);
      System.out.printf(Locale.ROOT, "write ratio cassandra/rocksdb: %.3f%n", cassandraRate / rocksRate);
      List<TraceQuery> queries = queries(searches, 7);
      double[] c = search("cassandra", cassandra, queries);
      double[] r = search("rocksdb", rocksdb, queries);
      System.out.printf(Locale.ROOT, "search p99 ratio cassandra/rocksdb: %.2f%n", c[1] / r[1]);
      System.out.println("cassandra metrics: " + cassandra.metrics());
    } finally {
      cassandra.close();
      rocksdb.close();
    }
  }

  private static double write(String name, Storage storage, List<List<Span>> batches) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicInteger next = new AtomicInteger();
    long t0 = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < batches.size(); i = next.getAndIncrement()) {
          storage.spanWriter().write(batches.get(i));
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    pool.shutdown();
    int spans = batches.stream().mapToInt(List::size).sum();
    double rate = spans / seconds;
    System.out.printf(Locale.ROOT, "%s write: %,d spans in %.1f s = %,.0f spans/s%n", name, spans, seconds, rate);
    return rate;
  }

  /** Returns {p50, p99, max} in ms, after a warm-up of a tenth of the queries. */
  private static double[] search(String name, Storage storage, List<TraceQuery> queries) {
    for (TraceQuery q : queries.subList(0, queries.size() / 10)) {
      storage.spanReader().findTraces(q);
    }
    double[] ms = new double[queries.size()];
    long found = 0;
    for (int i = 0; i < queries.size(); i++) {
      long t0 = System.nanoTime();
      found += storage.spanReader().findTraces(queries.get(i)).size();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    double p50 = ms[ms.length / 2];
    double p99 = ms[(int) Math.ceil(ms.length * 0.99) - 1];
    System.out.printf(Locale.ROOT, "%s search: %d queries, %.1f traces each; p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        name, queries.size(), (double) found / queries.size(), p50, p99, ms[ms.length - 1]);
    return new double[] {p50, p99, ms[ms.length - 1]};
  }

  private static List<TraceQuery> queries(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Instant now = Instant.now();
    List<TraceQuery> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      TraceQuery.Builder q = TraceQuery.newBuilder().serviceName(service(random.nextInt(SERVICES)))
          .startTimeMin(now.minus(Duration.ofHours(1))).startTimeMax(now).limit(20);
      switch (i % 4) {
        case 1:
          q.operationName(operation(random.nextInt(OPERATIONS)));
          break;
        case 2:
          q.addTag(TagFilter.equalTo("http.status_code", random.nextInt(10) == 0 ? "500" : "200"));
          break;
        case 3:
          q.durationMin(Duration.ofMillis(5)).durationMax(Duration.ofMillis(50));
          break;
        default:
          break;
      }
      out.add(q.build());
    }
    return out;
  }

  static List<List<Span>> generate(int spans, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long nowMicros = Instant.now().toEpochMilli() * 1000;
    List<List<Span>> batches = new ArrayList<>();
    List<Span> batch = new ArrayList<>(BATCH);
    int written = 0;
    long traceNo = 0;
    while (written < spans) {
      traceNo++;
      TraceId traceId = TraceId.of(random.nextLong(), random.nextLong());
      int size = Math.min(1 + random.nextInt(12), spans - written);
      long start = nowMicros - 60_000_000L - random.nextLong(50L * 60_000_000L);
      long[] ids = new long[size];
      for (int s = 0; s < size; s++) {
        ids[s] = random.nextLong();
        int service = s == 0 ? random.nextInt(SERVICES) : random.nextInt(SERVICES);
        Span.Builder span = Span.newBuilder()
            .traceId(traceId)
            .spanId(SpanId.of(ids[s]))
            .operationName(operation(random.nextInt(OPERATIONS)))
            .flags(1)
            .startTimeMicros(start + s * 100L)
            .durationMicros(100 + random.nextInt(100_000))
            .process(new Process(service(service), List.of(KeyValue.of("hostname", "host-" + service),
                KeyValue.of("ip", "10.0.0." + service))))
            .addTag(KeyValue.of("span.kind", s == 0 ? "server" : "client"))
            .addTag(KeyValue.of("http.method", "GET"))
            .addTag(KeyValue.of("http.status_code", random.nextInt(10) == 0 ? 500L : 200L))
            .addTag(KeyValue.of("component", "bench"));
        if (random.nextInt(20) == 0) {
          span.addTag(KeyValue.of("error", true));
        }
        if (s > 0) {
          span.addReference(SpanRef.childOf(traceId, SpanId.of(ids[random.nextInt(s)])));
        }
        batch.add(span.build());
        if (batch.size() == BATCH) {
          batches.add(batch);
          batch = new ArrayList<>(BATCH);
        }
      }
      written += size;
    }
    if (!batch.isEmpty()) {
      batches.add(batch);
    }
    return batches;
  }

  private static String service(int i) {
    return "bench-service-" + i;
  }

  private static String operation(int i) {
    return "op-" + i;
  }
}
