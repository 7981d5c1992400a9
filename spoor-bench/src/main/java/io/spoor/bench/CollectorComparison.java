package io.spoor.bench;

import io.spoor.bench.compare.CollectorUnderTest;
import io.spoor.bench.compare.ComparisonReport;
import io.spoor.bench.compare.ComparisonRunner;
import io.spoor.bench.compare.SideResult;
import io.spoor.bench.load.Format;
import io.spoor.bench.load.LoadSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the same load against Zipkin's server (in-memory storage) and against Spoor's collector (memory
 * storage), each a child JVM with the same heap limit, and prints both figures and their ratio. If Spoor
 * cannot start, Zipkin's figures are still printed with the reason.
 *
 * <p>Modes: {@code normal} runs each concurrency of {@code --concurrency}; {@code overload} runs one point at
 * {@code --overload-concurrency} with {@code --overload-spans-per-request} to see who answers 429 and whose
 * heap fills up.
 */
@Command(name = "spoor-collector-comparison", mixinStandardHelpOptions = true,
    description = "Spoor's collector vs Zipkin's server under the same load, on 127.0.0.1.")
public final class CollectorComparison implements Callable<Integer> {
  /** The two kinds of run. */
  enum Mode {
    NORMAL, OVERLOAD
  }

  @Option(names = "--mode", defaultValue = "normal", description = "normal or overload (default: ${DEFAULT-VALUE})",
      converter = ModeConverter.class)
  Mode mode = Mode.NORMAL;

  @Option(names = "--format", converter = FormatConverter.class, defaultValue = "zipkin-json",
      description = "zipkin-json or zipkin-proto3, the formats both servers accept (default: ${DEFAULT-VALUE})")
  Format format = Format.ZIPKIN_JSON;

  @Option(names = {"-c", "--concurrency"}, split = ",", defaultValue = "2,16",
      description = "connection counts, one point each (default: ${DEFAULT-VALUE})")
  List<Integer> concurrencies = List.of(2, 16);

  @Option(names = "--overload-concurrency", defaultValue = "64", description = "(default: ${DEFAULT-VALUE})")
  int overloadConcurrency;

  @Option(names = "--overload-spans-per-request", defaultValue = "500", description = "(default: ${DEFAULT-VALUE})")
  int overloadSpansPerRequest;

  @Option(names = "--warmup", converter = DurationConverter.class, defaultValue = "5s",
      description = "unmeasured load before each point (default: ${DEFAULT-VALUE})")
  Duration warmup = Duration.ofSeconds(5);

  @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "15s",
      description = "measured load per point (default: ${DEFAULT-VALUE})")
  Duration duration = Duration.ofSeconds(15);

  @Option(names = "--spans-per-request", defaultValue = "100", description = "(default: ${DEFAULT-VALUE})")
  int spansPerRequest;

  @Option(names = "--services", defaultValue = "8", description = "(default: ${DEFAULT-VALUE})")
  int services;

  @Option(names = "--pool-size", defaultValue = "200", description = "pre-generated batches (default: ${DEFAULT-VALUE})")
  int poolSize;

  @Option(names = "--request-timeout", converter = DurationConverter.class, defaultValue = "10s",
      description = "(default: ${DEFAULT-VALUE})")
  Duration requestTimeout = Duration.ofSeconds(10);

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--heap", defaultValue = "1g", description = "-Xmx of both servers (default: ${DEFAULT-VALUE})")
  String heap = "1g";

  @Option(names = "--zipkin-jar", description = "zipkin-server exec jar (default: the one in ~/.m2)")
  @Nullable Path zipkinJar;

  @Option(names = "--spoor-command", defaultValue = "java -Xmx{heap} -jar spoor-server/target/spoor.jar collector "
      + "--collector.zipkin.host-port=127.0.0.1:{port} --admin.http.host-port=127.0.0.1:{admin-port} "
      + "--collector.grpc-server.host-port=127.0.0.1:0 --collector.http-server.host-port=127.0.0.1:0 "
      + "--collector.otlp.grpc.host-port=127.0.0.1:0 --collector.otlp.http.host-port=127.0.0.1:0",
      description = "Spoor's command line; {port}, {admin-port} and {heap} are filled in (default: ${DEFAULT-VALUE})")
  String spoorCommand = "";

  @Option(names = "--spoor-health-url", defaultValue = "http://127.0.0.1:{admin-port}/health",
      description = "(default: ${DEFAULT-VALUE})")
  String spoorHealthUrl = "";

  @Option(names = "--spoor-metrics-url", defaultValue = "http://127.0.0.1:{admin-port}/metrics",
      description = "Prometheus text with jvm_memory_used_bytes; jcmd is the fallback (default: ${DEFAULT-VALUE})")
  String spoorMetricsUrl = "";

  @Option(names = "--sides", split = ",", defaultValue = "zipkin,spoor",
      description = "which servers to run (default: ${DEFAULT-VALUE})")
  List<String> sides = List.of("zipkin", "spoor");

  @Option(names = "--startup-timeout", converter = DurationConverter.class, defaultValue = "120s",
      description = "(default: ${DEFAULT-VALUE})")
  Duration startupTimeout = Duration.ofSeconds(120);

  @Option(names = "--log-dir", defaultValue = "spoor-bench/target/bench-logs",
      description = "the servers' output (default: ${DEFAULT-VALUE})")
  Path logDirectory = Path.of("spoor-bench/target/bench-logs");

  @Option(names = "--json-out", description = "also write the JSON report to this file")
  @Nullable Path jsonOut;

  public static void main(String[] args) {
    System.exit(new CommandLine(new CollectorComparison())
        .setExecutionExceptionHandler(new UsageErrorHandler()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    if (format != Format.ZIPKIN_JSON && format != Format.ZIPKIN_PROTO3) {
      throw new IllegalArgumentException("format: " + format + " (expected: zipkin-json or zipkin-proto3, "
          + "the formats Zipkin's server accepts)");
    }
    List<Integer> points = mode == Mode.OVERLOAD ? List.of(overloadConcurrency) : concurrencies;
    int spans = mode == Mode.OVERLOAD ? overloadSpansPerRequest : spansPerRequest;
    // the target is replaced per point by the child's port; this one only has to be valid
    LoadSettings settings = new LoadSettings(URI.create("http://127.0.0.1:9411"), format, points.get(0), warmup,
        duration, spans, services, poolSize, requestTimeout, seed);
    Path javaHome = Path.of(System.getProperty("java.home"));
    ComparisonRunner runner = new ComparisonRunner(logDirectory, heap, startupTimeout, javaHome, System.out);

    SideResult zipkin = sides.contains("zipkin")
        ? runner.run(CollectorUnderTest.zipkin(zipkinJar != null ? zipkinJar : defaultZipkinJar()), settings, points)
        : new SideResult("zipkin", List.of(), "skipped (--sides)");
    SideResult spoor = sides.contains("spoor")
        ? runner.run(CollectorUnderTest.spoor(spoorCommand, spoorHealthUrl, blankToNull(spoorMetricsUrl)),
            settings, points)
        : new SideResult("spoor", List.of(), "skipped (--sides)");

    String description = String.format(Locale.ROOT,
        "%s mode, %s, %d spans/request, %d services, warm-up %ds + %ds measured per point, -Xmx%s, "
            + "fresh server per point", mode.name().toLowerCase(Locale.ROOT), format, spans, services,
        warmup.toSeconds(), duration.toSeconds(), heap);
    ComparisonReport report = new ComparisonReport(description, points, zipkin, spoor);
    System.out.println();
    System.out.print(report.toTable());
    System.out.println(report.toJson());
    if (jsonOut != null) {
      Files.writeString(jsonOut, report.toJson() + "\n", StandardCharsets.UTF_8);
    }
    return zipkin.points().isEmpty() && spoor.points().isEmpty() ? 1 : 0;
  }

  private static Path defaultZipkinJar() {
    return Path.of(System.getProperty("user.home"), ".m2", "repository", "io", "zipkin", "zipkin-server",
        "3.5.1", "zipkin-server-3.5.1-exec.jar");
  }

  private static @Nullable String blankToNull(String value) {
    return value.isBlank() ? null : value;
  }

  /** Parses {@code normal} or {@code overload}. */
  static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      return Mode.valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
