package io.spoor.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import io.spoor.model.DependencyLink;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.query.QueryReader;
import io.spoor.query.adjust.TraceAdjuster;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpQueryApiTest {
  static final long NOW_MS = 1_700_000_000_000L;
  static final long T0 = (NOW_MS - 60_000) * 1_000_000; // a minute ago, in ns
  static final TraceId TRACE = TraceId.of(0xabc);
  static Storage storage;
  static Server server;
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    storage = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    storage.start();
    Process web = Process.of("web", KeyValue.of("ip", "10.0.0.1"));
    Process db = Process.of("db");
    Span root = Span.newBuilder().traceId(TRACE).spanId(SpanId.of(1)).operationName("GET /cart")
        .process(web).startTimeNanos(T0).durationNanos(5_000_000).flags(1)
        .addTag(KeyValue.of("span.kind", "server")).addTag(KeyValue.of("http.status_code", 500L))
        .addTag(KeyValue.of("error", true)).build();
    Span child = Span.newBuilder().traceId(TRACE).spanId(SpanId.of(2)).operationName("SELECT")
        .process(db).startTimeNanos(T0 + 1_000_000).durationNanos(2_000_000)
        .addReference(SpanRef.childOf(TRACE, SpanId.of(1))).addTag(KeyValue.of("span.kind", "client"))
        .addLog(Log.of(T0 + 1_500_000, KeyValue.of("event", "rows"), KeyValue.of("n", 3L))).build();
    Span other = Span.newBuilder().traceId(TraceId.of(1, 2)).spanId(SpanId.of(3)).operationName("GET /home")
        .process(web).startTimeNanos(T0 + 10_000_000).durationNanos(100_000).build();
    storage.spanWriter().write(List.of(root, child, other));
    storage.dependencyStore().writeDependencies(Instant.ofEpochMilli(NOW_MS - 1000),
        List.of(DependencyLink.of("hello", "world", 3)));

    QueryReader reader = new QueryReader(storage.spanReader(), storage.dependencyStore(),
        storage.capabilities(), TraceAdjuster.standard(Duration.ZERO));
    ServerBuilder sb = Server.builder().http(new InetSocketAddress("127.0.0.1", 0));
    new HttpQueryApi(reader, Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC)).addTo(sb, "/");
    server = sb.build();
    server.start().join();
  }

  @AfterAll
  static void stop() {
    server.stop().join();
    storage.close();
  }

  record Answer(int status, JsonNode body, String raw) {}

  static Answer get(String pathAndQuery) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.activeLocalPort() + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
    return new Answer(r.statusCode(), json.readTree(r.body()), r.body());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void traceByIdIsJaegersUiJson() throws Exception {
    Answer a = get("/api/traces/abc");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("errors").isNull()).isTrue();
    assertThat(a.body().get("total").asInt()).isZero();
    JsonNode trace = a.body().get("data").get(0);
    assertThat(trace.get("traceID").asText()).isEqualTo("0000000000000abc");
    assertThat(trace.get("spans")).hasSize(2);
    JsonNode root = trace.get("spans").get(0).get("spanID").asText().equals("0000000000000001")
        ? trace.get("spans").get(0) : trace.get("spans").get(1);
    assertThat(root.get("operationName").asText()).isEqualTo("GET /cart");
    assertThat(root.get("startTime").asLong()).isEqualTo(T0 / 1000);
    assertThat(root.get("duration").asLong()).isEqualTo(5000);
    assertThat(root.get("flags").asInt()).isEqualTo(1);
    assertThat(root.get("tags").toString()).contains("{\"key\":\"error\",\"type\":\"bool\",\"value\":true}")
        .contains("{\"key\":\"http.status_code\",\"type\":\"int64\",\"value\":500}");
    assertThat(trace.get("processes").get(root.get("processID").asText()).get("serviceName").asText()).isEqualTo("web");
    assertThat(get("/api/traces/0000000000000000000000000000ABC").status()).isEqualTo(200);
  }

  @Test
  void unknownAndMalformedIds() throws Exception {
    Answer missing = get("/api/traces/123");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.raw()).isEqualTo(
        "{\"data\":null,\"total\":0,\"limit\":0,\"offset\":0,\"errors\":[{\"code\":404,\"msg\":\"trace not found\"}]}");
    Answer bad = get("/api/traces/xyz");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().get("errors").get(0).get("msg").asText()).startsWith("malformed 'traceID' parameter");
  }

  @Test
  void searchByServiceTagsAndDuration() throws Exception {
    Answer a = get("/api/traces?service=web&tags=" + enc("{\"error\":\"true\",\"http.status_code\":\"500\"}")
        + "&minDuration=1ms&lookback=1h");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("data")).hasSize(1);
    assertThat(a.body().get("data").get(0).get("traceID").asText()).isEqualTo("0000000000000abc");

    Answer logField = get("/api/traces?service=db&tag=n:3&lookback=1h");
    assertThat(logField.body().get("data")).hasSize(1);

    Answer both = get("/api/traces?service=web&lookback=1h");
    assertThat(both.body().get("data")).hasSize(2);
    assertThat(both.body().get("data").get(0).get("traceID").asText()).isEqualTo("00000000000000010000000000000002");

    Answer none = get("/api/traces?service=web&lookback=1h&maxDuration=50us");
    assertThat(none.body().get("data")).isEmpty();
  }

  @Test
  void searchWithoutServiceAndWithExtendedOperators() throws Exception {
    Answer all = get("/api/traces?lookback=1h");
    assertThat(all.body().get("data")).hasSize(2);
    Answer negated = get("/api/traces?lookback=1h&tags=" + enc("error!=true"));
    assertThat(negated.body().get("data")).hasSize(2); // the db span of trace abc has no error tag
    Answer regex = get("/api/traces?lookback=1h&tags=" + enc("http.status_code=~5.."));
    assertThat(regex.body().get("data")).hasSize(1);
  }

  @Test
  void traceSummariesAnswerTheSameSearchWithoutTheSpans() throws Exception {
    Answer a = get("/api/trace-summaries?service=web&lookback=1h");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("data")).hasSize(2);
    JsonNode cart = a.body().get("data").get(1);
    assertThat(cart.toString()).isEqualTo("{\"traceID\":\"0000000000000abc\",\"rootServiceName\":\"web\","
        + "\"rootOperationName\":\"GET /cart\",\"startTime\":" + T0 / 1000 + ",\"duration\":5000,"
        + "\"spanCount\":2,\"errorCount\":1,\"services\":[{\"name\":\"db\",\"spanCount\":1,\"errorCount\":0},"
        + "{\"name\":\"web\",\"spanCount\":1,\"errorCount\":1}]}");
    assertThat(get("/api/trace-summaries?lookback=1h&tags=" + enc("http.status_code=~5..")).body().get("data")).hasSize(1);
    assertThat(get("/api/trace-summaries?minDuration=x").status()).isEqualTo(400);
  }

  @Test
  void lookupByTraceIdsReportsTheMissingOnes() throws Exception {
    Answer a = get("/api/traces?traceID=abc&traceID=999");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.body().get("data")).hasSize(1);
    assertThat(a.body().get("errors").get(0).get("traceID").asText()).isEqualTo("0000000000000999");
    assertThat(a.body().get("errors").get(0).get("msg").asText()).isEqualTo("trace not found");
  }

  @Test
  void servicesOperationsAndDependencies() throws Exception {
    Answer services = get("/api/services");
    assertThat(services.raw()).isEqualTo(
        "{\"data\":[\"db\",\"web\"],\"total\":2,\"limit\":0,\"offset\":0,\"errors\":null}");
    Answer ops = get("/api/services/web/operations");
    assertThat(ops.body().get("data").toString()).isEqualTo("[\"GET /cart\",\"GET /home\"]");
    Answer server = get("/api/operations?service=web&spanKind=server");
    assertThat(server.body().get("data").toString()).isEqualTo("[{\"name\":\"GET /cart\",\"spanKind\":\"server\"}]");
    Answer anyKind = get("/api/operations?service=web");
    assertThat(anyKind.body().get("total").asInt()).isEqualTo(2);
    assertThat(get("/api/operations").status()).isEqualTo(400);
    assertThat(get("/api/operations?service=web&spanKind=sideways").body().get("errors").get(0).get("msg").asText())
        .contains("span kind: \"sideways\"");
    Answer deps = get("/api/dependencies?endTs=" + NOW_MS + "&lookback=3600000");
    assertThat(deps.body().get("data").toString()).contains("{\"parent\":\"hello\",\"child\":\"world\",\"callCount\":3}")
        .contains("{\"parent\":\"web\",\"child\":\"db\",\"callCount\":1}");
  }

  @Test
  void badParametersAnswer400WithTheReason() throws Exception {
    Answer a = get("/api/traces?service=web&minDuration=2s&maxDuration=1s");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.body().get("errors").get(0).get("code").asInt()).isEqualTo(400);
    assertThat(a.body().get("errors").get(0).get("msg").asText()).isEqualTo("'maxDuration' should be greater than 'minDuration'");
    assertThat(get("/api/traces?tags=" + enc("{bad")).status()).isEqualTo(400);
    assertThat(get("/api/dependencies?lookback=abc").status()).isEqualTo(400);
    assertThat(get("/api/nothing-here").status()).isEqualTo(404);
  }

  @Test
  void prettyPrintIndents() throws Exception {
    assertThat(get("/api/services?prettyPrint=true").raw()).contains("\n    \"data\": [");
  }
}
