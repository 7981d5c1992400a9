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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code spoor collector} as a user runs it: flags from the environment, real ports, admin endpoints, shutdown. */
class CollectorCommandIT {
  private final HttpClient http = HttpClient.newHttpClient();

  private static int port(String startLine, String name) {
    Matcher m = Pattern.compile(name + "=127\\.0\\.0\\.1:(\\d+)").matcher(startLine);
    assertThat(m.find()).as(name + " in " + startLine).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void startsServesMetricsAndHealthAndDrainsOnShutdown() throws Exception {
    Map<String, String> env = Map.of(
        "COLLECTOR_GRPC_SERVER_HOST_PORT", "127.0.0.1:0",
        "COLLECTOR_HTTP_SERVER_HOST_PORT", "127.0.0.1:0",
        "COLLECTOR_OTLP_GRPC_HOST_PORT", "",
        "COLLECTOR_OTLP_HTTP_HOST_PORT", "127.0.0.1:0",
        "COLLECTOR_ZIPKIN_HOST_PORT", "127.0.0.1:0",
        "ADMIN_HTTP_HOST_PORT", "127.0.0.1:0",
        "MEMORY_MAX_TRACES", "1000");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ShutdownSignal signal = new ShutdownSignal();
    Spoor spoor = new Spoor(Environment.of(env), StorageFactory.available(), level -> { }, "java", () -> signal);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() ->
        spoor.execute(new String[] {"collector", "--collector.num-workers=2"},
            new PrintWriter(out, true), new PrintWriter(err, true)));

    await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("admin="));
    String line = out.toString();
    assertThat(line).startsWith("Spoor collector started (storage memory)").doesNotContain("otlp_grpc");
    int admin = port(line, "admin");
    int zipkin = port(line, "zipkin");

    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + admin + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"Server available\"");

    String span = "[{\"traceId\":\"00000000000000a1\",\"id\":\"00000000000000b2\",\"name\":\"op\","
        + "\"timestamp\":1700000000000000,\"duration\":10,\"localEndpoint\":{\"serviceName\":\"svc\"}}]";
    HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + zipkin + "/api/v2/spans"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(span)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(posted.statusCode()).isEqualTo(202);
    HttpResponse<String> bad = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + zipkin + "/api/v2/spans"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[{")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("spoor_collector_spans_received_total{format=\"zipkin\",transport=\"http\"} 1.0");
      assertThat(metrics).contains("spoor_collector_spans_saved_total 1.0");
      assertThat(metrics).contains("spoor_collector_queue_capacity 2000.0");
      assertThat(metrics).contains("jvm_memory_used_bytes");
    });

    signal.request();
    assertThat(exit.get()).isZero();
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void aBadListenAddressIsOneLineAndExitCode2() {
    SpoorRun run = SpoorRun.run(Map.of("COLLECTOR_ZIPKIN_HOST_PORT", "nonsense"),
        StorageFactory.available(), "collector");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(
        "spoor collector: invalid configuration: --collector.zipkin.host-port: \"nonsense\" (expected: host:port or :port)");
    assertThat(List.of(run.err().split("\\R"))).hasSize(1);
  }
}
