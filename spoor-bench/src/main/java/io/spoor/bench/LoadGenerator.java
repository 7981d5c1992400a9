package io.spoor.bench;

import io.spoor.bench.load.Format;
import io.spoor.bench.load.LoadReport;
import io.spoor.bench.load.LoadRun;
import io.spoor.bench.load.LoadSettings;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sends realistic trace batches to one collector on this machine and prints accepted spans/s, latency
 * percentiles and outcome counts: a summary line, then the same figures as one line of JSON.
 *
 * <pre>java -cp ... io.spoor.bench.LoadGenerator --format zipkin-json --target http://127.0.0.1:9411 \
 *     --concurrency 2 --warmup 5s --duration 15s</pre>
 */
@Command(name = "spoor-load", mixinStandardHelpOptions = true,
    description = "Closed-loop load against a trace collector on 127.0.0.1.")
public final class LoadGenerator implements Callable<Integer> {
  @Option(names = "--format", converter = FormatConverter.class, defaultValue = "zipkin-json",
      description = "otlp-http, otlp-grpc, jaeger-thrift-http, zipkin-json or zipkin-proto3 (default: ${DEFAULT-VALUE})")
  Format format = Format.ZIPKIN_JSON;

  @Option(names = "--target", description = "collector base URL (default: http://127.0.0.1:<format's port>)")
  @Nullable URI target;

  @Option(names = {"-c", "--concurrency"}, defaultValue = "2", description = "connections (default: ${DEFAULT-VALUE})")
  int concurrency;

  @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "15s",
      description = "measured time after the warm-up (default: ${DEFAULT-VALUE})")
  Duration duration = Duration.ofSeconds(15);

  @Option(names = "--warmup", converter = DurationConverter.class, defaultValue = "5s",
      description = "unmeasured time first (default: ${DEFAULT-VALUE})")
  Duration warmup = Duration.ofSeconds(5);

  @Option(names = "--spans-per-request", defaultValue = "100", description = "(default: ${DEFAULT-VALUE})")
  int spansPerRequest;

  @Option(names = "--services", defaultValue = "8", description = "services per batch (default: ${DEFAULT-VALUE})")
  int services;

  @Option(names = "--pool-size", defaultValue = "200",
      description = "pre-generated batches, re-sent with fresh trace ids (default: ${DEFAULT-VALUE})")
  int poolSize;

  @Option(names = "--request-timeout", converter = DurationConverter.class, defaultValue = "10s",
      description = "(default: ${DEFAULT-VALUE})")
  Duration requestTimeout = Duration.ofSeconds(10);

  @Option(names = "--seed", defaultValue = "42", description = "random seed of the generated traces")
  long seed;

  public static void main(String[] args) {
    System.exit(new CommandLine(new LoadGenerator())
        .setExecutionExceptionHandler(new UsageErrorHandler()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    URI base = target != null ? target : URI.create("http://127.0.0.1:" + format.defaultPort());
    LoadSettings settings = new LoadSettings(base, format, concurrency, warmup, duration, spansPerRequest,
        services, poolSize, requestTimeout, seed);
    LoadReport report = LoadRun.run(settings);
    System.out.println(report.summaryLine());
    System.out.println(report.toJson());
    return report.acceptedRequests() > 0 ? 0 : 1;
  }
}
