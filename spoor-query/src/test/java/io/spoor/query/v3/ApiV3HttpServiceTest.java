package io.spoor.query.v3;

import static io.spoor.query.v3.QueryTestData.CART;
import static io.spoor.query.v3.QueryTestData.HOME;
import static io.spoor.query.v3.QueryTestData.T0;
import static io.spoor.query.v3.QueryTestData.rfc3339;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import io.spoor.query.QueryReader;
import io.spoor.query.http.HttpQueryApi;
import io.spoor.storage.Storage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiV3HttpServiceTest {
  static final String MIN = rfc3339(-1_000_000_000L);
  static final String MAX = rfc3339(1_000_000_000L);
  static Storage storage;
  static Server server;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  record Answer(int status, String contentType, JsonNode body) {}

  @BeforeAll
  static void start() {
    storage = QueryTestData.storage();
    QueryReader reader = QueryTestData.reader(storage);
    ServerBuilder sb = Server.builder().http(new InetSocketAddress("127.0.0.1", 0));
    // Next to the /api/* routes, as the query command serves them, and again under a base path.
    new HttpQueryApi(reader, QueryTestData.CLOCK).addTo(sb, "/");
    new ApiV3HttpService(reader).addTo(sb, "/");
    new ApiV3HttpService(reader).addTo(sb, "/jaeger/");
    server = sb.build();
    server.start().join();
  }

  @AfterAll
  static void stop() {
    server.stop().join();
    storage.close();
  }

  static Answer get(String path, String... params) throws IOException, InterruptedException {
    StringBuilder uri = new StringBuilder("http://127.0.0.1:" + server.activeLocalPort() + path);
    for (int i = 0; i < params.length; i += 2) {
      uri.append(i == 0 ? '?' : '&').append(params[i]).append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(uri.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse(""), json.readTree(r.body()));
  }

  static void assertError(Answer a, int httpCode, int grpcCode, String httpStatus, String messageStart) {
    assertThat(a.status()).isEqualTo(httpCode);
    assertThat(a.contentType()).startsWith("application/json");
    JsonNode e = a.body().get("error");
    assertThat(e.get("httpCode").asInt()).isEqualTo(httpCode);
    assertThat(e.get("grpcCode").asInt()).isEqualTo(grpcCode);
    assertThat(e.get("httpStatus").asText()).isEqualTo(httpStatus);
    assertThat(e.get("message").asText()).startsWith(messageStart);
  }

  /** The trace id of every resource span's first span, in order. */
  static List<String> traceIds(JsonNode result) {
    List<String> out = new ArrayList<>();
    for (JsonNode rs : result.get("resourceSpans")) {
      out.add(rs.get("scopeSpans").get(0).get("spans").get(0).get("traceId").asText());
    }
    return out;
  }

  static String service(JsonNode resourceSpans) {
    for (JsonNode a : resourceSpans.get("resource").get("attributes")) {
      if (a.get("key").asText().equals("service.name")) {
        return a.get("value").get("stringValue").asText();
      }
    }
    return "";
  }

  static JsonNode spanNamed(JsonNode result, String name) {
    for (JsonNode rs : result.get("resourceSpans")) {
      for (JsonNode ss : rs.get("scopeSpans")) {
        for (JsonNode span : ss.get("spans")) {
          if (span.get("name").asText().equals(name)) {
            return span;
          }
        }
      }
    }
    throw new AssertionError("no span " + name + " in " + result);
  }

  @Test
  void getTraceAnswersOtlpJsonWithIntegerEnums() throws Exception {
    Answer a = get("/api/v3/traces/" + CART.toHex());
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.contentType()).startsWith("application/json");
    JsonNode result = a.body().get("result");
    assertThat(result.get("resourceSpans")).hasSize(2);
    assertThat(service(result.get("resourceSpans").get(0))).isEqualTo("web");
    assertThat(service(result.get("resourceSpans").get(1))).isEqualTo("db");
    assertThat(traceIds(result)).containsOnly("000000000000123400000000" + "0000abcd");

    JsonNode root = spanNamed(result, "GET /cart");
    assertThat(root.get("traceId").asText()).isEqualTo(CART.toHex128());
    assertThat(root.get("spanId").asText()).isEqualTo("0000000000000001");
    assertThat(root.has("parentSpanId")).isFalse();
    assertThat(root.get("kind").isInt()).isTrue();
    assertThat(root.get("kind").asInt()).isEqualTo(2); // SPAN_KIND_SERVER
    assertThat(root.get("startTimeUnixNano").asText()).isEqualTo(Long.toString(T0));
    assertThat(root.get("endTimeUnixNano").asText()).isEqualTo(Long.toString(T0 + 5_000_000));
    assertThat(root.get("status").get("code").isInt()).isTrue();
    assertThat(root.get("status").get("code").asInt()).isEqualTo(2); // STATUS_CODE_ERROR

    JsonNode child = spanNamed(result, "SELECT");
    assertThat(child.get("parentSpanId").asText()).isEqualTo("0000000000000001");
    assertThat(child.get("kind").asInt()).isEqualTo(3); // SPAN_KIND_CLIENT
    assertThat(child.get("events")).hasSize(1);
    assertThat(child.get("events").get(0).get("timeUnixNano").asText()).isEqualTo(Long.toString(T0 + 1_500_000));
  }

  @Test
  void getTraceTakesTimeHintsAndRawUnderBothSpellings() throws Exception {
    Answer camel = get("/api/v3/traces/" + CART.toHex(), "startTime", MIN, "endTime", MAX, "rawTraces", "true");
    Answer snake = get("/api/v3/traces/" + CART.toHex(), "start_time", MIN, "end_time", MAX, "raw_traces", "1");
    assertThat(camel.status()).isEqualTo(200);
    assertThat(snake.status()).isEqualTo(200);
    assertThat(traceIds(camel.body().get("result"))).hasSize(2).containsOnly(CART.toHex128());
    assertThat(snake.body()).isEqualTo(camel.body());
  }

  @Test
  void getTraceRefusals() throws Exception {
    assertError(get("/api/v3/traces/" + "0000000000000000000000000000dead"), 404, 5, "Not Found", "No traces found");
    assertError(get("/api/v3/traces/xyz"), 400, 3, "Bad Request", "malformed parameter trace_id: trace id");
    assertError(get("/api/v3/traces/" + CART.toHex(), "start_time", "yesterday"), 400, 3, "Bad Request",
        "malformed parameter start_time: \"yesterday\" (expected: an RFC 3339 time");
    assertError(get("/api/v3/traces/" + CART.toHex(), "rawTraces", "maybe"), 400, 3, "Bad Request",
        "malformed parameter rawTraces: \"maybe\" (expected: true or false)");
    assertError(get("/api/v3/traces/" + CART.toHex(), "startTime", MAX, "endTime", MIN), 400, 3, "Bad Request",
        "malformed parameter endTime: ");
  }

  @Test
  void findTracesMergesTracesNewestFirst() throws Exception {
    Answer a = get("/api/v3/traces", "query.serviceName", "web", "query.startTimeMin", MIN,
        "query.startTimeMax", MAX);
    assertThat(a.status()).isEqualTo(200);
    // HOME (one process) is newer than CART (two processes)
    assertThat(traceIds(a.body().get("result"))).containsExactly(HOME.toHex128(), CART.toHex128(), CART.toHex128());
    assertThat(spanNamed(a.body().get("result"), "GET /home").get("spanId").asText()).isEqualTo("0000000000000004");

    Answer snake = get("/api/v3/traces", "query.service_name", "web", "query.start_time_min", MIN,
        "query.start_time_max", MAX);
    assertThat(snake.body()).isEqualTo(a.body());
  }

  @Test
  void findTracesFilters() throws Exception {
    assertThat(traceIds(get("/api/v3/traces", "query.serviceName", "web", "query.operationName", "GET /home",
        "query.startTimeMin", MIN, "query.startTimeMax", MAX).body().get("result"))).containsExactly(HOME.toHex128());
    assertThat(traceIds(get("/api/v3/traces", "query.service_name", "web", "query.operation_name", "GET /home",
        "query.start_time_min", MIN, "query.start_time_max", MAX).body().get("result")))
        .containsExactly(HOME.toHex128());
    assertThat(traceIds(get("/api/v3/traces", "query.serviceName", "web", "query.attributes",
        "{\"http.status_code\":\"500\",\"error\":true}", "query.startTimeMin", MIN, "query.startTimeMax", MAX)
        .body().get("result"))).containsOnly(CART.toHex128());
    assertThat(traceIds(get("/api/v3/traces", "query.serviceName", "web", "query.durationMin", "1ms",
        "query.startTimeMin", MIN, "query.startTimeMax", MAX).body().get("result"))).containsOnly(CART.toHex128());
    assertThat(traceIds(get("/api/v3/traces", "query.serviceName", "web", "query.duration_max", "500us",
        "query.startTimeMin", MIN, "query.startTimeMax", MAX).body().get("result"))).containsExactly(HOME.toHex128());
    for (String depth : List.of("query.searchDepth", "query.search_depth", "query.num_traces")) {
      assertThat(traceIds(get("/api/v3/traces", "query.serviceName", "web", depth, "1",
          "query.startTimeMin", MIN, "query.startTimeMax", MAX).body().get("result"))).containsExactly(HOME.toHex128());
    }
    // the window keeps HOME (T0 + 10 ms) out
    assertThat(traceIds(get("/api/v3/traces", "query.serviceName", "web", "query.startTimeMin", MIN,
        "query.startTimeMax", rfc3339(5_000_000)).body().get("result"))).containsOnly(CART.toHex128());
  }

  @Test
  void findTracesRefusals() throws Exception {
    assertError(get("/api/v3/traces", "query.serviceName", "web"), 400, 3, "Bad Request",
        "query.start_time_min and query.start_time_max are required");
    assertError(get("/api/v3/traces", "query.startTimeMin", MIN), 400, 3, "Bad Request",
        "query.start_time_min and query.start_time_max are required");
    assertError(get("/api/v3/traces", "query.start_time_min", "2024-13-01", "query.start_time_max", MAX), 400, 3,
        "Bad Request", "malformed parameter query.start_time_min: \"2024-13-01\"");
    assertError(get("/api/v3/traces", "query.startTimeMin", MAX, "query.startTimeMax", MIN), 400, 3,
        "Bad Request", "malformed parameter query.startTimeMax: ");
    assertError(get("/api/v3/traces", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.durationMin", "5 parsecs"), 400, 3, "Bad Request", "malformed parameter query.durationMin: ");
    assertError(get("/api/v3/traces", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.duration_min", "2ms", "query.duration_max", "1ms"), 400, 3, "Bad Request",
        "malformed parameter query.duration_max: 1ms (expected: >= query.duration_min 2ms)");
    assertError(get("/api/v3/traces", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.num_traces", "0"), 400, 3, "Bad Request", "malformed parameter query.num_traces: 0 (expected: > 0)");
    assertError(get("/api/v3/traces", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.searchDepth", "many"), 400, 3, "Bad Request", "malformed parameter query.searchDepth: \"many\"");
    assertError(get("/api/v3/traces", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.attributes", "[1]"), 400, 3, "Bad Request", "malformed parameter query.attributes: not a JSON object");
    assertError(get("/api/v3/traces", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.attributes", "{\"a\":"), 400, 3, "Bad Request", "malformed parameter query.attributes: ");
    assertError(get("/api/v3/traces", "query.startTimeMin", MIN, "query.startTimeMax", MAX,
        "query.rawTraces", "yes"), 400, 3, "Bad Request", "malformed parameter query.rawTraces: ");
    assertError(get("/api/v3/traces", "query.serviceName", "nobody", "query.startTimeMin", MIN,
        "query.startTimeMax", MAX), 404, 5, "Not Found", "No traces found");
  }

  @Test
  void traceSummaries() throws Exception {
    Answer a = get("/api/v3/trace-summaries", "query.serviceName", "web", "query.startTimeMin", MIN,
        "query.startTimeMax", MAX);
    assertThat(a.status()).isEqualTo(200);
    JsonNode summaries = a.body().get("summaries");
    assertThat(summaries).hasSize(2);
    JsonNode home = summaries.get(0);
    assertThat(home.get("traceId").asText()).isEqualTo(HOME.toHex128());
    assertThat(home.get("rootServiceName").asText()).isEqualTo("web");
    assertThat(home.get("rootOperationName").asText()).isEqualTo("GET /home");
    assertThat(home.get("spanCount").asInt()).isEqualTo(1);
    JsonNode cart = summaries.get(1);
    assertThat(cart.get("traceId").asText()).isEqualTo(CART.toHex128());
    assertThat(cart.get("rootServiceName").asText()).isEqualTo("web");
    assertThat(cart.get("rootOperationName").asText()).isEqualTo("GET /cart");
    assertThat(cart.get("minStartTimeUnixNano").asText()).isEqualTo(Long.toString(T0));
    assertThat(cart.get("maxEndTimeUnixNano").asText()).isEqualTo(Long.toString(T0 + 5_000_000));
    assertThat(cart.get("spanCount").asInt()).isEqualTo(3);
    assertThat(cart.get("errorSpanCount").asInt()).isEqualTo(1);
    assertThat(cart.get("orphanSpanCount").asInt()).isEqualTo(1);
    JsonNode services = cart.get("services");
    assertThat(services).hasSize(2);
    assertThat(services.get(0).get("name").asText()).isEqualTo("db");
    assertThat(services.get(0).get("spanCount").asInt()).isEqualTo(1);
    assertThat(services.get(0).get("errorSpanCount").asInt()).isEqualTo(0);
    assertThat(services.get(1).get("name").asText()).isEqualTo("web");
    assertThat(services.get(1).get("spanCount").asInt()).isEqualTo(2);
    assertThat(services.get(1).get("errorSpanCount").asInt()).isEqualTo(1);

    Answer none = get("/api/v3/trace-summaries", "query.serviceName", "nobody", "query.startTimeMin", MIN,
        "query.startTimeMax", MAX);
    assertThat(none.status()).isEqualTo(200);
    assertThat(none.body().get("summaries")).isEmpty();
    assertError(get("/api/v3/trace-summaries"), 400, 3, "Bad Request",
        "query.start_time_min and query.start_time_max are required");
  }

  @Test
  void services() throws Exception {
    Answer a = get("/api/v3/services");
    assertThat(a.status()).isEqualTo(200);
    List<String> services = new ArrayList<>();
    a.body().get("services").forEach(s -> services.add(s.asText()));
    assertThat(services).containsExactlyInAnyOrder("batch", "db", "web");
  }

  @Test
  void operations() throws Exception {
    Answer all = get("/api/v3/operations", "service", "web");
    assertThat(all.status()).isEqualTo(200);
    List<String> ops = new ArrayList<>();
    all.body().get("operations").forEach(o -> ops.add(o.get("name").asText() + "/" + o.get("spanKind").asText()));
    // a span without a kind is reported as internal, as Jaeger's gateway does
    assertThat(ops).containsExactlyInAnyOrder("GET /cart/server", "GET /home/server", "async-job/internal");

    for (String kindParam : List.of("spanKind", "span_kind")) {
      Answer servers = get("/api/v3/operations", "service", "web", kindParam, "server");
      List<String> names = new ArrayList<>();
      servers.body().get("operations").forEach(o -> names.add(o.get("name").asText()));
      assertThat(names).containsExactlyInAnyOrder("GET /cart", "GET /home");
    }
    assertThat(get("/api/v3/operations", "service", "nobody").body().get("operations")).isEmpty();
    assertError(get("/api/v3/operations"), 400, 3, "Bad Request", "parameter service is required");
    assertError(get("/api/v3/operations", "service", "web", "spanKind", "sideways"), 400, 3, "Bad Request",
        "malformed parameter spanKind: span kind: \"sideways\"");
  }

  @Test
  void dependencies() throws Exception {
    String dayAgo = java.time.Instant.ofEpochMilli(QueryTestData.NOW_MS).minusSeconds(86_400).toString();
    String now = java.time.Instant.ofEpochMilli(QueryTestData.NOW_MS).toString();
    for (String[] names : List.of(new String[] {"startTime", "endTime"}, new String[] {"start_time", "end_time"})) {
      Answer a = get("/api/v3/dependencies", names[0], dayAgo, names[1], now);
      assertThat(a.status()).isEqualTo(200);
      JsonNode deps = a.body().get("dependencies");
      assertThat(deps).hasSize(2);
      assertThat(deps.get(0).get("parent").asText()).isEqualTo("hello");
      assertThat(deps.get(0).get("child").asText()).isEqualTo("world");
      assertThat(deps.get(0).get("callCount").isTextual()).isTrue(); // uint64 in proto3 JSON
      assertThat(deps.get(0).get("callCount").asText()).isEqualTo("3");
      assertThat(deps.get(1).get("parent").asText()).isEqualTo("web");
      assertThat(deps.get(1).get("child").asText()).isEqualTo("db");
      assertThat(deps.get(1).get("callCount").asText()).isEqualTo("1");
    }
    // a window before everything
    assertThat(get("/api/v3/dependencies", "startTime", "2001-01-01T00:00:00Z", "endTime", "2001-01-02T00:00:00Z")
        .body().get("dependencies")).isEmpty();
    assertError(get("/api/v3/dependencies", "endTime", now), 400, 3, "Bad Request",
        "startTime and endTime are required");
    assertError(get("/api/v3/dependencies", "startTime", now, "endTime", now), 400, 3, "Bad Request",
        "malformed parameter endTime: ");
    assertError(get("/api/v3/dependencies", "start_time", "x", "end_time", now), 400, 3, "Bad Request",
        "malformed parameter start_time: ");
  }

  @Test
  void unknownPathsAndBasePath() throws Exception {
    assertError(get("/api/v3/nothing"), 404, 5, "Not Found", "no such endpoint: GET /api/v3/nothing");
    Answer prefixed = get("/jaeger/api/v3/services");
    assertThat(prefixed.status()).isEqualTo(200);
    assertThat(prefixed.body().get("services")).hasSize(3);
    // the /api/* routes next to them still answer in their own envelope
    Answer v1 = get("/api/services");
    assertThat(v1.status()).isEqualTo(200);
    assertThat(v1.body().get("total").asInt()).isEqualTo(3);
  }
}
