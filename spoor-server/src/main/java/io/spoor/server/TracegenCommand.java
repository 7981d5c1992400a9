package io.spoor.server;

import io.spoor.codec.otlp.OtlpCodec;
import io.spoor.model.Span;
import io.spoor.storage.GoDuration;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spoor tracegen}: sends realistic demo traces over OTLP/HTTP to a collector for a while, then
 * stops. The demo a new user runs second, right after {@code spoor all-in-one}.
 */
@Command(
    name = "tracegen",
    mixinStandardHelpOptions = true,
    description = "Send realistic demo traces (several services, fan-out, errors, logs) over OTLP/HTTP.",
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class TracegenCommand implements Callable<Integer> {
  @Option(names = "--tracegen.endpoint", paramLabel = "<url>", defaultValue = "http://localhost:4318/v1/traces",
      description = "OTLP/HTTP traces endpoint. Default: ${DEFAULT-VALUE}.")
  String endpoint = "http://localhost:4318/v1/traces";

  @Option(names = "--tracegen.duration", paramLabel = "<duration>", defaultValue = "10s",
      description = "How long to send, e.g. 30s or 5m. Default: ${DEFAULT-VALUE}.")
  String duration = "10s";

  @Option(names = "--tracegen.rate", paramLabel = "<traces/s>", defaultValue = "10",
      description = "Traces per second. Default: ${DEFAULT-VALUE}.")
  int rate = 10;

  @Option(names = "--tracegen.services", paramLabel = "<n>", defaultValue = "6",
      description = "How many services take part (2 to 10). Default: ${DEFAULT-VALUE}.")
  int services = 6;

  @Option(names = "--tracegen.seed", paramLabel = "<n>", description = "Random seed, for repeatable traces.")
  Long seed;

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Duration total;
    try {
      total = GoDuration.parse(duration);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--tracegen.duration: " + e.getMessage(), e);
    }
    if (total.isNegative() || total.isZero()) {
      throw new IllegalArgumentException("--tracegen.duration: " + duration + " (expected: > 0)");
    }
    if (rate <= 0 || rate > 10_000) {
      throw new IllegalArgumentException("--tracegen.rate: " + rate + " (expected: 1 to 10000)");
    }
    URI uri;
    try {
      uri = URI.create(endpoint);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--tracegen.endpoint: \"" + endpoint + "\" (expected: a URL)", e);
    }
    TraceGenerator generator = new TraceGenerator(seed == null ? new Random() : new Random(seed), services);
    PrintWriter out = spec.commandLine().getOut();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + total.toNanos();
    long tickNanos = TimeUnit.MILLISECONDS.toNanos(200);
    int perTick = Math.max(1, rate / 5);
    long traces = 0;
    long spans = 0;
    long failures = 0;
    String lastError = "";
    long next = System.nanoTime();
    while (System.nanoTime() < deadline) {
      List<Span> batch = new ArrayList<>();
      long now = System.currentTimeMillis() * 1_000_000L;
      for (int i = 0; i < perTick; i++) {
        batch.addAll(generator.trace(now - i * 3_000_000L));
      }
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/x-protobuf")
          .POST(HttpRequest.BodyPublishers.ofByteArray(OtlpCodec.encodeRequest(batch).toByteArray())).build();
      try {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          traces += perTick;
          spans += batch.size();
        } else {
          failures++;
          lastError = response.statusCode() + " " + response.body().strip();
        }
      } catch (java.io.IOException e) {
        failures++;
        lastError = e.toString();
      }
      next += tickNanos;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep);
      }
    }
    out.println("sent " + traces + " traces (" + spans + " spans) to " + endpoint
        + (failures == 0 ? "" : "; " + failures + " requests failed, last: " + lastError));
    out.flush();
    return failures > 0 && traces == 0 ? 1 : 0;
  }
}
