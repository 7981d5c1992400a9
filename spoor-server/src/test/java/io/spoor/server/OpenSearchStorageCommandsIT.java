package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spoor.storage.StorageFactory;
import io.spoor.testkit.Ports;
import io.spoor.testkit.search.SearchEngine;
import io.spoor.testkit.search.SearchServerExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code SPAN_STORAGE_TYPE=opensearch spoor all-in-one} on a real OpenSearch node: OTLP in, Jaeger's
 * daily indices on the cluster, the query API out; then {@code spoor es index-cleaner} and {@code spoor
 * es rollover} against the same node.
 */
class OpenSearchStorageCommandsIT {
  @RegisterExtension
  static final SearchServerExtension NODE = SearchServerExtension.of(SearchEngine.OPENSEARCH);

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  private static int port(String line, String pattern) {
    Matcher m = Pattern.compile(pattern).matcher(line);
    assertThat(m.find()).as(pattern + " in " + line).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private JsonNode get(String base, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return json.readTree(r.body());
  }

  @Test
  void allInOneStoresInJaegersIndicesAndServesThemBack() throws Exception {
    Map<String, String> env = Map.ofEntries(
        Map.entry("SPAN_STORAGE_TYPE", "opensearch"),
        Map.entry("ES_SERVER_URLS", NODE.url()),
        Map.entry("ES_INDEX_PREFIX", "aio"),
        Map.entry("ES_NUM_SHARDS", "1"),
        Map.entry("ES_NUM_REPLICAS", "0"),
        Map.entry("PROCESSOR_JAEGER_COMPACT_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("PROCESSOR_JAEGER_BINARY_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("HTTP_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_GRPC_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_HTTP_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_OTLP_GRPC_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_OTLP_HTTP_HOST_PORT", "127.0.0.1:0"),
        Map.entry("COLLECTOR_ZIPKIN_HOST_PORT", "127.0.0.1:0"),
        Map.entry("QUERY_HTTP_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("QUERY_GRPC_SERVER_HOST_PORT", "127.0.0.1:0"),
        Map.entry("ADMIN_HTTP_HOST_PORT", "127.0.0.1:0"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    ShutdownSignal signal = new ShutdownSignal();
    Spoor spoor = new Spoor(Environment.of(env), StorageFactory.available(), level -> { }, "java", () -> signal);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> spoor.execute(
        new String[] {"all-in-one", "--collector.num-workers=2"}, new PrintWriter(out, true), new PrintWriter(err, true)));
    await().atMost(Duration.ofSeconds(30)).until(() -> out.toString().contains("admin=") || exit.isDone());
    String line = out.toString();
    assertThat(line).as(err.toString()).contains("(storage opensearch)");
    String query = "http://127.0.0.1:" + port(line, "http://localhost:(\\d+)/");
    int otlp = port(line, "otlp_http=127\\.0\\.0\\.1:(\\d+)");

    String traceId = CheckoutTraffic.send(otlp);

    // span and service indices refresh on their own schedules (one second each)
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(get(query, "/api/services").get("data").toString()).isEqualTo("[\"payments\",\"shop\"]");
      assertThat(get(query, "/api/traces/" + traceId).path("data").path(0).path("spans")).hasSize(3);
    });

    // No links derived from spans here: the aggregator runs in all-in-one, and `spoor dependencies`
    // writes the links of a range to jaeger-dependencies-*, where the query API finds them.
    assertThat(line).contains("dependencies every 1h");
    java.time.Instant now = java.time.Instant.now();
    SpoorRun deps = SpoorRun.run(env, StorageFactory.available(), "dependencies",
        "--start=" + now.minus(Duration.ofMinutes(10)), "--end=" + now.plusSeconds(1));
    assertThat(deps.exitCode()).as(deps.err()).isZero();
    assertThat(deps.outLines().get(0)).contains("(storage opensearch): 1 traces, 3 spans, 1 links, 1 calls");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        get(query, "/api/dependencies?endTs=" + (System.currentTimeMillis() + 5_000) + "&lookback=3600000")
            .get("data").toString())
        .isEqualTo("[{\"parent\":\"shop\",\"child\":\"payments\",\"callCount\":1}]"));
    JsonNode search = get(query, "/api/traces?service=shop&lookback=1h&tags="
        + URLEncoder.encode("{\"http.status_code\":\"500\"}", StandardCharsets.UTF_8));
    assertThat(search.get("data")).hasSize(1);
    assertThat(get(query, "/api/operations?service=shop&spanKind=server").get("data").toString())
        .isEqualTo("[{\"name\":\"checkout\",\"spanKind\":\"server\"}]");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonNode indices = get(NODE.url(), "/aio-jaeger-*/_settings/index.number_of_shards");
    assertThat(indices.has("aio-jaeger-span-" + today)).as(indices.toString()).isTrue();
    assertThat(indices.has("aio-jaeger-service-" + today)).as(indices.toString()).isTrue();

    int admin = port(line, "admin=127\\.0\\.0\\.1:(\\d+)");
    String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(metrics).contains("spoor_storage_es_spans_written_total ").contains("spoor_storage_es_bulks_in_flight ");
    String health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/health")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(health).doesNotContain("unhealthy");
    signal.request();
    assertThat(exit.get()).isZero();

    // The operator's tools on the same indices.
    SpoorRun keep = SpoorRun.run(Map.of("ES_SERVER_URLS", NODE.url()), StorageFactory.available(),
        "es", "index-cleaner", "--days", "3", "--es.index-prefix", "aio");
    assertThat(keep.exitCode()).as(keep.err()).isZero();
    assertThat(keep.out()).isEqualTo("0 indices deleted" + System.lineSeparator());
    SpoorRun clean = SpoorRun.run(Map.of("ES_SERVER_URLS", NODE.url(), "ES_INDEX_PREFIX", "aio"),
        StorageFactory.available(), "es", "index-cleaner", "--days=0");
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(clean.outLines()).contains("deleted aio-jaeger-span-" + today, "deleted aio-jaeger-service-" + today);
  }

  @Test
  void rolloverCommands() {
    Map<String, String> env = Map.of("ES_SERVER_URLS", NODE.url(), "ES_INDEX_PREFIX", "cmd", "ES_NUM_REPLICAS", "0");
    SpoorRun init = SpoorRun.run(env, StorageFactory.available(), "es", "rollover", "init");
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.outLines()).containsExactly("created cmd-jaeger-span-000001", "created cmd-jaeger-service-000001",
        "created cmd-jaeger-dependencies-000001", "3 indices created");
    SpoorRun rollover = SpoorRun.run(env, StorageFactory.available(), "es", "rollover", "rollover",
        "--conditions", "{\"max_docs\": 0}");
    assertThat(rollover.exitCode()).as(rollover.err()).isZero();
    assertThat(rollover.outLines()).contains("created cmd-jaeger-span-000002");
    SpoorRun lookback = SpoorRun.run(env, StorageFactory.available(), "es", "rollover", "lookback",
        "--unit", "seconds", "--unit-count", "0");
    assertThat(lookback.exitCode()).as(lookback.err()).isZero();
    assertThat(lookback.outLines()).contains("unaliased cmd-jaeger-span-000001");
  }

  @Test
  void badInputAndAnUnreachableClusterAreOneLine() {
    SpoorRun bad = SpoorRun.run(Map.of(), StorageFactory.available(), "es", "rollover", "sideways");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("action: \"sideways\" (expected: init, rollover or lookback)");
    SpoorRun missing = SpoorRun.run(Map.of(), StorageFactory.available(), "es", "index-cleaner");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--days");
    int port = Ports.free();
    SpoorRun unreachable = SpoorRun.run(Map.of(), StorageFactory.available(), "es", "index-cleaner", "--days=1",
        "--es.server-urls=http://127.0.0.1:" + port);
    assertThat(unreachable.exitCode()).isEqualTo(1);
    assertThat(unreachable.err()).contains("cannot reach the cluster at http://127.0.0.1:" + port)
        .doesNotContain("\tat ");
  }
}
