package io.spoor.storage.elasticsearch;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
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
import io.spoor.testkit.search.SearchEngine;
import io.spoor.testkit.search.SearchServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The numbers of docs/benchmarks.md, not a test (the build never runs it): writes the same spans into
 * the opensearch backend (a real single-node OpenSearch 2.19 started by the testkit) and into the
 * rocksdb backend, from 4 writer threads in batches of 500 like the collector's workers, then times
 * searches of both. Run by hand with the module's test class path:
 * {@code java -cp <test classpath> io.spoor.storage.elasticsearch.SearchStorageBenchmark [spans]}.
 */
final class SearchStorageBenchmark {
  private static final int SPANS_PER_TRACE = 10;
  private static final int BATCH = 500;
  private static final int THREADS = 4;
  private static final int SERVICES = 20;
  private static final long BASE = Instant.now().minusSeconds(6 * 3600).getEpochSecond() * 1_000_000_000L;

  private SearchStorageBenchmark() {}

  public static void main(String[] args) throws Exception {
    int spans = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int traces = spans / SPANS_PER_TRACE;
    Path work = Files.createDirectories(Path.of("target", "bench"));
    try (SearchServer node = SearchServer.start(SearchEngine.OPENSEARCH, work.resolve("opensearch"), "1g")) {
      Storage search = StorageFactory.find("opensearch").orElseThrow().create(StorageSettings.of(Map.of(
          "es.server-urls", node.url(), "es.num-shards", "1", "es.num-replicas", "0", "es.index-prefix", "bench")));
      Path rocksDir = Files.createTempDirectory(work, "rocksdb");
      Storage rocks = StorageFactory.find("rocksdb").orElseThrow().create(StorageSettings.of(Map.of(
          "rocksdb.path", rocksDir.toString())));
      search.start();
      rocks.start();
      double esRate = write("opensearch", search, traces);
      new HttpClientHolder().post(node.url() + "/bench-jaeger-*/_refresh");
      double rocksRate = write("rocksdb", rocks, traces);
      System.out.printf("write ratio opensearch/rocksdb: %.2f%n", esRate / rocksRate);
      Random random = new Random(3);
      List<Supplier<TraceQuery>> queries = List.of(
          () -> TraceQuery.newBuilder().serviceName("service-" + random.nextInt(SERVICES)).limit(20).build(),
          () -> TraceQuery.newBuilder().serviceName("service-" + random.nextInt(SERVICES))
              .addTag(TagFilter.equalTo("http.status_code", "500")).limit(20).build(),
          () -> TraceQuery.newBuilder().serviceName("service-" + random.nextInt(SERVICES))
              .operationName("op-" + random.nextInt(10)).durationMinNanos(5_000_000).limit(20).build());
      String[] names = {"service", "service+tag", "service+operation+minDuration"};
      for (int q = 0; q < queries.size(); q++) {
        double[] es = time(search, queries.get(q), 200);
        double[] rk = time(rocks, queries.get(q), 200);
        System.out.printf("search %-30s opensearch p50 %.1f ms p99 %.1f ms | rocksdb p50 %.1f ms p99 %.1f ms | "
            + "p99 ratio %.2f%n", names[q], es[0], es[1], rk[0], rk[1], es[1] / rk[1]);
      }
      double[] es = timeTraces(search, traces, 200);
      double[] rk = timeTraces(rocks, traces, 200);
      System.out.printf("getTrace                              opensearch p50 %.1f ms p99 %.1f ms | rocksdb p50 %.1f ms "
          + "p99 %.1f ms | p99 ratio %.2f%n", es[0], es[1], rk[0], rk[1], es[1] / rk[1]);
      search.close();
      rocks.close();
    }
  }

  private static double write(String name, Storage storage, int traces) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    long began = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    int perThread = traces / THREADS;
    for (int t = 0; t < THREADS; t++) {
      int first = t * perThread;
      done.add(pool.submit(() -> {
        List<Span> batch = new ArrayList<>(BATCH);
        for (int trace = first; trace < first + perThread; trace++) {
          batch.addAll(trace(trace));
          if (batch.size() >= BATCH) {
            storage.spanWriter().write(batch);
            batch = new ArrayList<>(BATCH);
          }
        }
        if (!batch.isEmpty()) {
          storage.spanWriter().write(batch);
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - began) / 1e9;
    double rate = traces * (double) SPANS_PER_TRACE / seconds;
    System.out.printf("%s: wrote %d spans in %.1f s: %.0f spans/s%n", name, traces * SPANS_PER_TRACE, seconds, rate);
    return rate;
  }

  static List<Span> trace(int n) {
    Random r = new Random(n);
    TraceId traceId = TraceId.of(0x5000_0000L + n, 0x1000_0000L + n);
    long start = BASE + (long) n * 20_000_000L; // one trace every 20 ms
    List<Span> spans = new ArrayList<>(SPANS_PER_TRACE);
    for (int s = 1; s <= SPANS_PER_TRACE; s++) {
      String service = "service-" + ((n + s) % SERVICES);
      Span.Builder span = Span.newBuilder().traceId(traceId).spanId(SpanId.of(s))
          .operationName("op-" + r.nextInt(10))
          .startTimeNanos(start + s * 1_000_000L).durationNanos(1_000_000L * (1 + r.nextInt(20)))
          .process(Process.of(service, KeyValue.of("hostname", "host-" + r.nextInt(50)),
              KeyValue.of("ip", "10.0.0." + r.nextInt(250))))
          .tags(List.of(KeyValue.of("span.kind", s == 1 ? "server" : "client"),
              KeyValue.of("http.method", "GET"), KeyValue.of("http.url", "/api/item/" + r.nextInt(1000)),
              KeyValue.of("http.status_code", (long) (r.nextInt(50) == 0 ? 500 : 200)),
              KeyValue.of("error", r.nextInt(50) == 0)));
      if (s > 1) {
        span.references(List.of(SpanRef.childOf(traceId, SpanId.of(1))));
      }
      if (r.nextInt(5) == 0) {
        span.logs(List.of(new Log(start + s * 1_000_000L, List.of(KeyValue.of("event", "retry")))));
      }
      spans.add(span.build());
    }
    return spans;
  }

  private static double[] time(Storage storage, Supplier<TraceQuery> query, int runs) {
    for (int i = 0; i < 20; i++) {
      storage.spanReader().findTraces(query.get());
    }
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      long began = System.nanoTime();
      storage.spanReader().findTraces(query.get());
      millis[i] = (System.nanoTime() - began) / 1e6;
    }
    return percentiles(millis);
  }

  private static double[] timeTraces(Storage storage, int traces, int runs) {
    Random r = new Random(9);
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      int n = r.nextInt(traces);
      long began = System.nanoTime();
      if (storage.spanReader().getTrace(TraceId.of(0x5000_0000L + n, 0x1000_0000L + n)).isEmpty()) {
        throw new IllegalStateException("trace " + n + " missing");
      }
      millis[i] = (System.nanoTime() - began) / 1e6;
    }
    return percentiles(millis);
  }

  private static double[] percentiles(double[] millis) {
    Arrays.sort(millis);
    return new double[] {millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1]};
  }

  /** One POST without a body. */
  private static final class HttpClientHolder {
    void post(String url) throws Exception {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
