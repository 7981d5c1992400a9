package io.spoor.bench;

import io.spoor.bench.query.QueryBenchmark;
import io.spoor.bench.query.QueryReport;
import io.spoor.bench.query.QuerySettings;
import io.spoor.bench.query.SideOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Loads the same generated spans into Zipkin's server (in-memory storage) and into Spoor's all-in-one
 * (memory storage), one after the other, and times trace-by-id and service searches against each with one
 * client thread. Prints a table with the p99 ratios and the targets, then one line of JSON.
 */
@Command(name = "spoor-query-comparison", mixinStandardHelpOptions = true,
    description = "Query latency of Spoor's memory store vs Zipkin's in-memory store on the same data, on 127.0.0.1.")
public final class QueryComparison implements Callable<Integer> {
  @Option(names = "--spans", defaultValue = "1000000", description = "spans loaded (default: ${DEFAULT-VALUE})")
  int spans;

  @Option(names = "--services", defaultValue = "10", description = "(default: ${DEFAULT-VALUE})")
  int services;

  @Option(names = "--spans-per-request", defaultValue = "100", description = "(default: ${DEFAULT-VALUE})")
  int spansPerRequest;

  @Option(names = "--spread", converter = DurationConverter.class, defaultValue = "30m",
      description = "the traces' start times spread over this much time, ending now (default: ${DEFAULT-VALUE})")
  Duration spread = Duration.ofMinutes(30);

  @Option(names = "--load-connections", defaultValue = "4", description = "(default: ${DEFAULT-VALUE})")
  int loadConnections;

  @Option(names = "--trace-requests", defaultValue = "1000", description = "timed trace-by-id requests "
      + "(default: ${DEFAULT-VALUE})")
  int traceRequests;

  @Option(names = "--search-requests", defaultValue = "200", description = "timed searches (default: ${DEFAULT-VALUE})")
  int searchRequests;

  @Option(names = "--trace-warmup", defaultValue = "200", description = "untimed trace-by-id requests first "
      + "(default: ${DEFAULT-VALUE})")
  int traceWarmup;

  @Option(names = "--search-warmup", defaultValue = "20", description = "untimed searches first "
      + "(default: ${DEFAULT-VALUE})")
  int searchWarmup;

  @Option(names = "--limit", defaultValue = "20", description = "traces per search (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--heap", defaultValue = "3g", description = "-Xmx of both servers (default: ${DEFAULT-VALUE})")
  String heap = "3g";

  @Option(names = "--zipkin-jar", description = "zipkin-server exec jar (default: the one in ~/.m2)")
  @Nullable Path zipkinJar;

  @Option(names = "--spoor-jar", defaultValue = "spoor-server/target/spoor.jar",
      description = "(default: ${DEFAULT-VALUE})")
  Path spoorJar = Path.of("spoor-server/target/spoor.jar");

  @Option(names = "--sides", split = ",", defaultValue = "zipkin,spoor",
      description = "which servers to run, in this order (default: ${DEFAULT-VALUE})")
  List<String> sides = List.of("zipkin", "spoor");

  @Option(names = "--request-timeout", converter = DurationConverter.class, defaultValue = "60s",
      description = "(default: ${DEFAULT-VALUE})")
  Duration requestTimeout = Duration.ofSeconds(60);

  @Option(names = "--startup-timeout", converter = DurationConverter.class, defaultValue = "120s",
      description = "(default: ${DEFAULT-VALUE})")
  Duration startupTimeout = Duration.ofSeconds(120);

  @Option(names = "--store-timeout", converter = DurationConverter.class, defaultValue = "300s",
      description = "how long to wait for the stores to count every span (default: ${DEFAULT-VALUE})")
  Duration storeTimeout = Duration.ofSeconds(300);

  @Option(names = "--log-dir", defaultValue = "spoor-bench/target/bench-logs",
      description = "the servers' output (default: ${DEFAULT-VALUE})")
  Path logDirectory = Path.of("spoor-bench/target/bench-logs");

  @Option(names = "--json-out", description = "also write the JSON report to this file")
  @Nullable Path jsonOut;

  public static void main(String[] args) {
    System.exit(new CommandLine(new QueryComparison())
        .setExecutionExceptionHandler(new UsageErrorHandler()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    for (String side : sides) {
      if (!side.equals("zipkin") && !side.equals("spoor")) {
        throw new IllegalArgumentException("--sides: " + side + " (expected: zipkin and/or spoor)");
      }
    }
    long nowMicros = TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis());
    QuerySettings settings = QuerySettings.of(spans, services, spansPerRequest, seed, nowMicros, spread,
        loadConnections, traceRequests, searchRequests, traceWarmup, searchWarmup, limit, requestTimeout, startupTimeout,
        storeTimeout);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    QueryBenchmark benchmark = new QueryBenchmark(settings, java, heap, logDirectory, System.out);
    SideOutcome zipkin = SideOutcome.unavailable("zipkin", "skipped (--sides)");
    SideOutcome spoor = SideOutcome.unavailable("spoor", "skipped (--sides)");
    for (String side : sides) {
      if (side.equals("zipkin")) {
        zipkin = benchmark.runZipkin(zipkinJar != null ? zipkinJar : defaultZipkinJar());
      } else {
        spoor = benchmark.runSpoor(spoorJar);
      }
    }
    String description = String.format(Locale.ROOT,
        "%,d spans (Zipkin JSON, %d per request, %d services, seed %d) spread over %s; %d trace-by-id and %d "
            + "searches (limit %d) timed after %d + %d warm-up, one client thread; -Xmx%s; servers run one after "
            + "the other", spans, spansPerRequest, services, seed, spread, traceRequests, searchRequests, limit,
        traceWarmup, searchWarmup, heap);
    QueryReport report = new QueryReport(description, zipkin, spoor);
    System.out.println();
    System.out.print(report.toTable());
    System.out.println(report.toJson());
    if (jsonOut != null) {
      Files.writeString(jsonOut, report.toJson() + "\n", StandardCharsets.UTF_8);
    }
    return zipkin.measured() || spoor.measured() ? 0 : 1;
  }

  private static Path defaultZipkinJar() {
    return Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "zipkin", "zipkin-server",
        "3.5.1", "zipkin-server-3.5.1-exec.jar");
  }
}
