package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spoor.storage.StorageFactory;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code spoor cassandra init}, then {@code SPAN_STORAGE_TYPE=cassandra spoor all-in-one} on a real
 * Cassandra node: OpenTelemetry SDK → collector → Cassandra → query API.
 */
@ExtendWith(CassandraExtension.class)
class CassandraAllInOneIT {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return json.readTree(r.body());
  }

  private static int port(String line, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(line);
    assertThat(m.find()).as(pattern + " in " + line).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void initThenCollectAndQueryThroughCassandra(CassandraServer node) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of(
        "CASSANDRA_SERVERS", node.host(),
        "CASSANDRA_PORT", Integer.toString(node.cqlPort()),
        "CASSANDRA_USERNAME", node.username(),
        "CASSANDRA_PASSWORD", node.password(),
        "CASSANDRA_KEYSPACE", "spoor_server_it"));
    SpoorRun init = SpoorRun.run(env, StorageFactory.available(), "cassandra", "init", "--cassandra.span-ttl=72h");
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).startsWith("created Jaeger's Cassandra schema v004 in keyspace spoor_server_it");
    SpoorRun again = SpoorRun.run(env, StorageFactory.available(), "cassandra", "init");
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("already holds Jaeger's Cassandra schema v004; nothing to do");
    SpoorRun refused = SpoorRun.run(env, StorageFactory.available(), "cassandra", "init",
        "--cassandra.password=wrong");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).startsWith("spoor cassandra init: cassandra: login to [127.0.0.1:" + node.cqlPort()
        + "] refused");

    env.put("SPAN_STORAGE_TYPE", "cassandra");
    for (String flag : new String[] {"PROCESSOR_JAEGER_COMPACT_SERVER_HOST_PORT", "PROCESSOR_JAEGER_BINARY_SERVER_HOST_PORT",
        "HTTP_SERVER_HOST_PORT", "COLLECTOR_GRPC_SERVER_HOST_PORT", "COLLECTOR_HTTP_SERVER_HOST_PORT",
        "COLLECTOR_OTLP_GRPC_HOST_PORT", "COLLECTOR_OTLP_HTTP_HOST_PORT", "COLLECTOR_ZIPKIN_HOST_PORT",
        "QUERY_HTTP_SERVER_HOST_PORT", "QUERY_GRPC_SERVER_HOST_PORT", "ADMIN_HTTP_HOST_PORT"}) {
      env.put(flag, "127.0.0.1:0");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ShutdownSignal signal = new ShutdownSignal();
    Spoor spoor = new Spoor(Environment.of(env), StorageFactory.available(), level -> { }, "java", () -> signal);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> spoor.execute(
        new String[] {"all-in-one", "--collector.num-workers=2"}, new PrintWriter(out, true), new PrintWriter(err, true)));
    try {
      await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("admin=") || exit.isDone());
      assertThat(exit).as(err.toString()).isNotDone();
      String line = out.toString();
      assertThat(line).contains("(storage cassandra)");
      int query = port(line, "http://localhost:(\\d+)/");
      int otlp = port(line, "otlp_http=127\\.0\\.0\\.1:(\\d+)");
      int admin = port(line, "admin=[^:]*:(\\d+)");

      String traceId = CheckoutTraffic.send(otlp);

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(get(query, "/api/services").get("data").toString()).isEqualTo("[\"payments\",\"shop\"]"));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(get(query, "/api/traces/" + traceId).get("data").get(0).get("spans")).hasSize(3));
      JsonNode search = get(query, "/api/traces?service=shop&lookback=1h&tags="
          + URLEncoder.encode("{\"http.status_code\":\"500\"}", StandardCharsets.UTF_8));
      assertThat(search.get("data")).hasSize(1);
      assertThat(search.get("data").get(0).get("traceID").asText()).isEqualTo(traceId);
      assertThat(get(query, "/api/operations?service=shop&spanKind=server").get("data").toString())
          .isEqualTo("[{\"name\":\"checkout\",\"spanKind\":\"server\"}]");
      String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).containsPattern("spoor_storage_cassandra_spans_written_total(\\{[^}]*\\})? 3");

      // Cassandra has no links derived from spans: the aggregator runs in all-in-one, and the batch
      // command writes the links of a range to dependencies_v2, where the query API finds them.
      assertThat(line).contains("dependencies every 1h");
      assertThat(metrics).contains("spoor_dependencies_runs_total");
      assertThat(get(query, "/api/dependencies?endTs=" + System.currentTimeMillis() + "&lookback=3600000")
          .get("data")).isEmpty();
      java.time.Instant now = java.time.Instant.now();
      SpoorRun deps = SpoorRun.run(env, StorageFactory.available(), "dependencies",
          "--start=" + now.minus(Duration.ofMinutes(10)), "--end=" + now.plusSeconds(1));
      assertThat(deps.exitCode()).as(deps.err()).isZero();
      assertThat(deps.outLines().get(0)).contains("(storage cassandra): 1 traces, 3 spans, 1 links, 1 calls");
      assertThat(deps.outLines()).contains("  shop -> payments: 1");
      JsonNode links = get(query, "/api/dependencies?endTs=" + (System.currentTimeMillis() + 5_000) + "&lookback=3600000");
      assertThat(links.get("data").toString())
          .isEqualTo("[{\"parent\":\"shop\",\"child\":\"payments\",\"callCount\":1}]");
    } finally {
      signal.request();
      exit.get(30, TimeUnit.SECONDS);
    }
  }
}
