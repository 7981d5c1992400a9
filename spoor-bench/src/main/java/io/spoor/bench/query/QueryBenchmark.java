package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.compare.ChildProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the query benchmark against servers one at a time, each a fresh child process: start it, wait for
 * health, load the dataset, wait until the server counts every span, check that the last trace sent is
 * complete, warm up, then time trace-by-id and search requests with one client thread, and stop it.
 */
public final class QueryBenchmark {
  /** Search window margin either side of the data. */
  static final long WINDOW_MARGIN_MICROS = 60_000_000L;
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

  private final QuerySettings settings;
  private final Path javaLauncher;
  private final String heap;
  private final Path logDirectory;
  private final PrintStream progress;

  /**
   * @param javaLauncher the {@code java} that runs the servers, e.g. the driver's own
   * @param heap the servers' {@code -Xmx}, e.g. {@code 3g}
   */
  public QueryBenchmark(QuerySettings settings, Path javaLauncher, String heap, Path logDirectory,
      PrintStream progress) {
    this.settings = requireNonNull(settings, "settings");
    this.javaLauncher = requireNonNull(javaLauncher, "javaLauncher");
    this.heap = requireNonNull(heap, "heap");
    this.logDirectory = requireNonNull(logDirectory, "logDirectory");
    this.progress = requireNonNull(progress, "progress");
  }

  /** Zipkin's exec jar, in-memory storage sized for the whole dataset. */
  public SideOutcome runZipkin(Path executableJar) throws InterruptedException {
    if (!Files.isRegularFile(executableJar)) {
      return SideOutcome.unavailable("zipkin", "jar not found: " + executableJar.toAbsolutePath());
    }
    return run(ServerLaunch.zipkin(javaLauncher, executableJar, heap, settings.data().spans(),
        QueryBenchmark::freePort));
  }

  /** Spoor's all-in-one, memory storage sized for the whole dataset (never more traces than spans). */
  public SideOutcome runSpoor(Path spoorJar) throws InterruptedException {
    if (!Files.isRegularFile(spoorJar)) {
      return SideOutcome.unavailable("spoor", "jar not found: " + spoorJar.toAbsolutePath()
          + " (build it with ./mvnw -B -q -pl spoor-server -am package -DskipTests)");
    }
    return run(ServerLaunch.spoor(javaLauncher, spoorJar, heap, settings.data().spans(),
        QueryBenchmark::freePort));
  }

  /** Runs one side; never throws for a server's failure, which becomes the outcome's reason. */
  SideOutcome run(ServerLaunch launch) throws InterruptedException {
    Path log = logDirectory.resolve(launch.name() + "-query.log");
    progress.printf(Locale.ROOT, "%s: starting %s (load average %.2f)%n", launch.name(),
        String.join(" ", launch.command()), loadAverage());
    ChildProcess child;
    try {
      child = ChildProcess.start(launch.command(), launch.environment(), log);
    } catch (IOException e) {
      return SideOutcome.unavailable(launch.name(), "cannot start: " + e.getMessage());
    }
    try (child) {
      child.awaitHealthy(launch.health(), settings.startupTimeout());
      return measure(launch);
    } catch (IOException | RuntimeException e) {
      return SideOutcome.unavailable(launch.name(), e.getMessage() + "; last lines of " + log + ":\n"
          + child.logTail(10));
    }
  }

  private SideOutcome measure(ServerLaunch launch) throws IOException, InterruptedException {
    DatasetIndex index;
    SpanLoader.Result load;
    try (SpanLoader loader = new SpanLoader(launch.ingest(), settings.loadConnections(), settings.requestTimeout())) {
      index = Dataset.generate(settings.data(), loader);
      load = loader.finish();
    }
    progress.printf(Locale.ROOT, "%s: sent %d spans (%d traces) in %.1f s, %d retried requests%n", launch.name(),
        index.spanCount(), index.traces().size(), load.elapsed().toMillis() / 1000.0, load.retries());
    awaitCounter(launch, index.spanCount());
    QueryApi api = launch.api();
    DatasetIndex.TraceRef last = index.traces().get(index.traces().size() - 1);
    awaitComplete(api.traceUri(launch.queryBase(), last.traceIdHex()), last.spanCount(), api);

    List<QueryTimer.Probe> traceProbes = traceProbes(index, launch);
    List<QueryTimer.Probe> searchProbes = searchProbes(index, launch);

    QueryTimer timer = new QueryTimer(settings.requestTimeout());
    progress.printf("%s: warming up (%d trace-by-id, %d searches)%n", launch.name(), settings.traceWarmup(),
        settings.searchWarmup());
    timer.warmUp(traceProbes.subList(settings.traceRequests(), traceProbes.size()));
    timer.warmUp(searchProbes.subList(settings.searchRequests(), searchProbes.size()));
    LatencySummary byId = timer.time(traceProbes.subList(0, settings.traceRequests()), api::spansOfTrace);
    progress.printf(Locale.ROOT, "%s: trace-by-id p50 %.2f ms, p99 %.2f ms over %d%n", launch.name(),
        byId.p50Millis(), byId.p99Millis(), byId.requests());
    LatencySummary search = timer.time(searchProbes.subList(0, settings.searchRequests()), api::tracesOfSearch);
    progress.printf(Locale.ROOT, "%s: search p50 %.2f ms, p99 %.2f ms over %d (load average %.2f)%n",
        launch.name(), search.p50Millis(), search.p99Millis(), search.requests(), loadAverage());
    return new SideOutcome(launch.name(), load.elapsed().toMillis() / 1000.0, load.retries(), index.fingerprint(),
        byId, search, null);
  }

  /** The trace-by-id requests: first the timed ones, then the warm-up's. */
  private List<QueryTimer.Probe> traceProbes(DatasetIndex index, ServerLaunch launch) {
    QuerySampler sampler = new QuerySampler(index, settings.data().seed());
    return sampler.traces(settings.traceRequests() + settings.traceWarmup()).stream()
        .map(t -> new QueryTimer.Probe(launch.api().traceUri(launch.queryBase(), t.traceIdHex()), t.spanCount()))
        .toList();
  }

  /** The searches, first the timed ones, then the warm-up's; each expects the limit or all the service has. */
  private List<QueryTimer.Probe> searchProbes(DatasetIndex index, ServerLaunch launch) {
    QuerySampler sampler = new QuerySampler(index, settings.data().seed());
    SearchWindow window = index.searchWindow(WINDOW_MARGIN_MICROS);
    return sampler.services(settings.searchRequests() + settings.searchWarmup()).stream()
        .map(s -> new QueryTimer.Probe(launch.api().searchUri(launch.queryBase(), s, settings.searchLimit(), window),
            Math.min(settings.searchLimit(), index.tracesOf(s))))
        .toList();
  }

  /** Waits until the server's span counter reaches {@code spans}. */
  private void awaitCounter(ServerLaunch launch, int spans) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(launch.metrics()).timeout(Duration.ofSeconds(30)).GET().build();
    long deadline = System.nanoTime() + settings.storeTimeout().toNanos();
    double seen = -1;
    while (System.nanoTime() - deadline < 0) {
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        OptionalDouble counted = PrometheusCounter.sum(response.body(), launch.spanCounter());
        seen = counted.orElse(-1);
        if (seen >= spans) {
          return;
        }
      } catch (IOException busy) {
        // a busy server may not answer in time; ask again
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    throw new IllegalStateException(launch.spanCounter() + " at " + launch.metrics() + ": " + seen
        + " after " + settings.storeTimeout().toSeconds() + " s (expected: >= " + spans + ")");
  }

  /** Waits until {@code uri} answers a trace of {@code spans} spans. */
  private void awaitComplete(URI uri, int spans, QueryApi api) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout()).GET().build();
    long deadline = System.nanoTime() + settings.storeTimeout().toNanos();
    String last = "no answer";
    while (System.nanoTime() - deadline < 0) {
      try {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200 && api.spansOfTrace(response.body()) >= spans) {
          return;
        }
        last = "status " + response.statusCode();
      } catch (IOException e) {
        last = e.toString();
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    throw new IllegalStateException(uri + ": " + last + " after " + settings.storeTimeout().toSeconds()
        + " s (expected: a trace of " + spans + " spans)");
  }

  /** The machine's 1-minute load average, negative where the OS does not tell. */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
    }
  }
}
