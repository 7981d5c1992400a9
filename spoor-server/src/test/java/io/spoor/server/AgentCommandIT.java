package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spoor.storage.StorageFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spoor collector --sampling.strategies-file} and {@code spoor agent} as a user runs them. */
class AgentCommandIT {
  @TempDir Path dir;
  private final HttpClient http = HttpClient.newHttpClient();

  private static int port(String startLine, String name) {
    Matcher m = Pattern.compile(name + "=127\\.0\\.0\\.1:(\\d+)").matcher(startLine);
    assertThat(m.find()).as(name + " in " + startLine).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private String get(String url) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  /** A running command, stopped by its signal. */
  private record Running(CompletableFuture<Integer> exit, StringWriter out, StringWriter err, ShutdownSignal signal) {
    static Running start(Map<String, String> env, String... args) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      ShutdownSignal signal = new ShutdownSignal();
      Spoor spoor = new Spoor(Environment.of(env), StorageFactory.available(), level -> { }, "java", () -> signal);
      CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
          spoor.execute(args, new PrintWriter(out, true), new PrintWriter(err, true)));
      await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("admin=") || exit.isDone());
      assertThat(exit).as(err.toString()).isNotDone();
      return new Running(exit, out, err, signal);
    }

    int stop() throws Exception {
      signal.request();
      return exit.get();
    }
  }

  @Test
  void agentServesTheCollectorsStrategiesFileAndAdminEndpoints() throws Exception {
    Path strategies = Files.writeString(dir.resolve("s.json"),
        "{\"service_strategies\": [{\"service\": \"shop\", \"type\": \"ratelimiting\", \"param\": 42}]}");
    Running collector = Running.start(Map.of(
            "COLLECTOR_GRPC_SERVER_HOST_PORT", "127.0.0.1:0", "COLLECTOR_HTTP_SERVER_HOST_PORT", "127.0.0.1:0",
            "COLLECTOR_OTLP_GRPC_HOST_PORT", "", "COLLECTOR_OTLP_HTTP_HOST_PORT", "", "COLLECTOR_ZIPKIN_HOST_PORT", "",
            "ADMIN_HTTP_HOST_PORT", "127.0.0.1:0", "SAMPLING_STRATEGIES_FILE", strategies.toString()),
        "collector", "--collector.num-workers=1");
    try {
      String collectorLine = collector.out().toString();
      assertThat(get("http://127.0.0.1:" + port(collectorLine, "jaeger_http") + "/api/sampling?service=shop"))
          .isEqualTo("{\"strategyType\":\"RATE_LIMITING\",\"rateLimitingSampling\":{\"maxTracesPerSecond\":42}}");

      Running agent = Running.start(Map.of(
              "REPORTER_GRPC_HOST_PORT", "127.0.0.1:" + port(collectorLine, "jaeger_grpc"),
              "ADMIN_HTTP_HOST_PORT", "127.0.0.1:0", "AGENT_TAGS", "zone=z1"),
          "agent", "--processor.jaeger-compact.server-host-port=127.0.0.1:0",
          "--processor.jaeger-binary.server-host-port=127.0.0.1:0", "--http-server.host-port=127.0.0.1:0",
          "--processor.jaeger-compact.workers=1", "--processor.jaeger-binary.workers=1");
      try {
        String line = agent.out().toString();
        assertThat(line).startsWith("Spoor agent started: binary=127.0.0.1:");
        int httpPort = port(line, "http");
        int admin = port(line, "admin");
        assertThat(get("http://127.0.0.1:" + httpPort + "/?service=shop"))
            .isEqualTo("{\"strategyType\":1,\"rateLimitingSampling\":{\"maxTracesPerSecond\":42}}");
        assertThat(get("http://127.0.0.1:" + httpPort + "/sampling?service=other"))
            .isEqualTo("{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":0.001}}");
        assertThat(get("http://127.0.0.1:" + admin + "/health")).contains("\"status\":\"Server available\"");
        assertThat(get("http://127.0.0.1:" + admin + "/metrics"))
            .contains("spoor_agent_sampling_requests_total{endpoint=\"legacy\",result=\"ok\"} 1.0")
            .contains("spoor_agent_reporter_queue_length 0.0");
      } finally {
        assertThat(agent.stop()).isZero();
      }
      assertThat(agent.err().toString()).doesNotContain("Exception");
    } finally {
      assertThat(collector.stop()).isZero();
    }
  }

  @Test
  void aBadStrategiesFileIsOneLineWithItsLineNumber() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\n  \"default_strategy\": {\"type\": \"probabilistic\", \"param\": 7}\n}");
    StringWriter err = new StringWriter();
    // A signal of its own: the file is read after the command asked for one, and the JVM's would hold the exit.
    int exit = new Spoor(Environment.of(Map.of("COLLECTOR_GRPC_SERVER_HOST_PORT", "127.0.0.1:0",
            "COLLECTOR_HTTP_SERVER_HOST_PORT", "127.0.0.1:0", "COLLECTOR_OTLP_GRPC_HOST_PORT", "",
            "COLLECTOR_OTLP_HTTP_HOST_PORT", "", "COLLECTOR_ZIPKIN_HOST_PORT", "", "ADMIN_HTTP_HOST_PORT", "127.0.0.1:0")),
        StorageFactory.available(), level -> { }, "java", ShutdownSignal::new)
        .execute(new String[] {"collector", "--sampling.strategies-file=" + bad},
            new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("spoor collector: invalid configuration: --sampling.strategies-file: "
        + bad + ": line 2, column ").endsWith("default_strategy: param: 7.0 (expected: a probability from 0 to 1)");
    assertThat(List.of(err.toString().strip().split("\\R"))).hasSize(1);
  }

  @Test
  void theAgentNeedsACollector() {
    SpoorRun run = SpoorRun.run(Map.of(), StorageFactory.available(), "agent");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(
        "spoor agent: invalid configuration: --reporter.grpc.host-port: empty (expected: host:port[,host:port...])");
  }
}
