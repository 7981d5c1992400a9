package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import io.spoor.testkit.search.SearchEngine;
import io.spoor.testkit.search.SearchServerExtension;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Compatibility with Jaeger on a real OpenSearch node: documents Jaeger wrote (its own fixtures, both
 * its typed and its string tag values, a tags-as-fields document, a trace id without leading zeros)
 * indexed by plain REST calls are read and searched by Spoor; and what Spoor writes is Jaeger's
 * document, field for field, and its service document with Jaeger's id.
 */
class JaegerLayoutIT {
  @RegisterExtension
  static final SearchServerExtension NODE = SearchServerExtension.of(SearchEngine.OPENSEARCH);

  private static final TraceId FIXTURE_TRACE = TraceId.parse("00000000000000010000000000000000");
  private static final Instant FIXTURE_TIME = Instant.ofEpochMilli(1485467191639L);

  @Test
  void documentsWrittenByJaegerAreReadAndSearched() throws Exception {
    RestCalls rest = new RestCalls(NODE.url());
    try (Storage storage = TestClusters.storage("opensearch", NODE.url(), "compat-read", "es.tags-as-fields.config-file",
        tagsFile("http.status_code"))) {
      storage.start();
      String index = "compat-read-jaeger-span-2017-01-26";
      rest.json("POST", "/" + index + "/_doc", fixture("es_01.json"));
      ObjectNode strings = (ObjectNode) EsClient.JSON.readTree(fixture("es_01_string_tags.json"));
      strings.put("spanID", "0000000000000005");
      rest.json("POST", "/" + index + "/_doc", strings.toString());
      ObjectNode fields = (ObjectNode) EsClient.JSON.readTree(fixture("es_01_string_tags.json"));
      fields.put("spanID", "0000000000000006");
      fields.putObject("tag").put("http@status_code", 200);
      fields.with("process").putObject("tag").put("host@name", "box-1");
      rest.json("POST", "/" + index + "/_doc", fields.toString());
      ObjectNode legacy = (ObjectNode) EsClient.JSON.readTree(fixture("es_01_string_tags.json"));
      legacy.put("traceID", "abc").put("spanID", "0000000000000007");
      rest.json("POST", "/" + index + "/_doc?refresh=true", legacy.toString());

      TimeWindow day = new TimeWindow(FIXTURE_TIME.minusSeconds(60).toEpochMilli() * 1_000_000L,
          FIXTURE_TIME.plusSeconds(60).toEpochMilli() * 1_000_000L);
      Trace trace = storage.spanReader().getTrace(FIXTURE_TRACE, day).orElseThrow();
      assertThat(trace.spans()).hasSize(3);
      Span typed = spanWithId(trace, 2);
      Span text = spanWithId(trace, 5);
      assertThat(typed.tags()).containsExactlyInAnyOrderElementsOf(text.tags());
      assertThat(typed.tags()).contains(KeyValue.of("peer.ipv4", 23456L), KeyValue.of("temperature", 72.5),
          KeyValue.of("error", true), KeyValue.ofBinary("blob", new byte[] {0, 0, 0x30, 0x39}),
          KeyValue.of("peer.service", "service-y"));
      assertThat(typed.references()).containsExactlyInAnyOrder(
          SpanRef.childOf(FIXTURE_TRACE, SpanId.of(3)), SpanRef.followsFrom(FIXTURE_TRACE, SpanId.of(4)),
          SpanRef.childOf(TraceId.parse("00000000000000ff0000000000000000"), SpanId.of(0xff)));
      assertThat(typed.startTimeNanos()).isEqualTo(1485467191639875L * 1000);
      assertThat(typed.durationNanos()).isEqualTo(5_000L);
      assertThat(typed.logs()).hasSize(2);
      assertThat(typed.logs().get(0).fields()).containsExactly(KeyValue.of("event", "testing-event"),
          KeyValue.of("event-x", "event-y"));
      assertThat(typed.process()).isEqualTo(Process.of("service-x", KeyValue.of("sdk.version", "1.2.1")));
      Span withFields = spanWithId(trace, 6);
      assertThat(withFields.tags()).contains(KeyValue.of("http.status_code", 200L));
      assertThat(withFields.process().tags()).contains(KeyValue.of("host.name", "box-1"));

      assertThat(storage.spanReader().getTrace(TraceId.of(0xabc), day)).as("trace id stored without zeros")
          .hasValueSatisfying(t -> assertThat(t.spans()).hasSize(1));

      TraceQuery.Builder search = TraceQuery.newBuilder().serviceName("service-x")
          .startTimeMin(FIXTURE_TIME.minusSeconds(60)).startTimeMax(FIXTURE_TIME.plusSeconds(60));
      assertThat(storage.spanReader().findTraceIds(search.tags(List.of(TagFilter.equalTo("error", "true"))).build()))
          .contains(FIXTURE_TRACE);
      assertThat(storage.spanReader().findTraceIds(
          search.tags(List.of(TagFilter.equalTo("http.status_code", "200"))).build())).containsExactly(FIXTURE_TRACE);
      assertThat(storage.spanReader().findTraceIds(
          search.tags(List.of(TagFilter.equalTo("x", "y"))).build())).as("log field").contains(FIXTURE_TRACE);
      assertThat(storage.spanReader().findTraceIds(
          search.tags(List.of(TagFilter.equalTo("sdk.version", "1.2.1"))).build())).as("process tag")
          .contains(FIXTURE_TRACE);
    }
  }

  @Test
  void spoorWritesJaegersDocuments() throws Exception {
    RestCalls rest = new RestCalls(NODE.url());
    JsonNode jaeger = EsClient.JSON.readTree(fixture("es_01_string_tags.json"));
    try (Storage storage = TestClusters.storage("opensearch", NODE.url(), "compat-write")) {
      storage.start();
      storage.purge();
      // Jaeger's document → Spoor's span → written by Spoor: the same document comes back.
      Span span = SpanDocuments.of(EsConfig.from(io.spoor.storage.StorageSettings.empty())).read(jaeger);
      storage.spanWriter().write(List.of(span));
      String index = "compat-write-jaeger-span-2017-01-26";
      rest.json("POST", "/" + index + "/_refresh", null);
      JsonNode hits = rest.json("GET", "/" + index + "/_search", null).path("hits").path("hits");
      assertThat(hits).hasSize(1);
      ObjectNode expected = ((ObjectNode) jaeger).deepCopy();
      expected.remove("parentSpanID"); // Jaeger's v1 writer leaves it out too; the CHILD_OF reference carries it
      assertThat(hits.get(0).path("_source")).isEqualTo(expected);

      rest.json("POST", "/compat-write-jaeger-service-2017-01-26/_refresh", null);
      JsonNode services = rest.json("GET", "/compat-write-jaeger-service-2017-01-26/_search", null)
          .path("hits").path("hits");
      assertThat(services).hasSize(1);
      assertThat(services.get(0).path("_id").asText())
          .isEqualTo(EsSpanWriter.serviceId("service-x", "test-general-conversion"));
      assertThat(services.get(0).path("_source").toString())
          .isEqualTo("{\"serviceName\":\"service-x\",\"operationName\":\"test-general-conversion\"}");
    }
  }

  @Test
  void tagsAsFieldsGoToTheTagObjectWithTheirTypes() {
    RestCalls rest = new RestCalls(NODE.url());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    Span span = Span.newBuilder().traceId(TraceId.of(0xf1e1d)).spanId(SpanId.of(1)).operationName("op")
        .startTimeNanos(nanos).durationNanos(7_000)
        .process(Process.of("fields-service", KeyValue.of("host.name", "box")))
        .tags(List.of(KeyValue.of("http.status_code", 503L), KeyValue.of("error", true),
            KeyValue.of("ratio", 0.25), KeyValue.ofBinary("raw", new byte[] {1})))
        .addLog(new Log(nanos, List.of(KeyValue.of("event", "retry"))))
        .build();
    try (Storage storage = TestClusters.storage("opensearch", NODE.url(), "compat-fields", "es.tags-as-fields.all", "true")) {
      storage.start();
      storage.purge();
      storage.spanWriter().write(List.of(span));
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        JsonNode hits = rest.json("GET", "/compat-fields-jaeger-span-*/_search", null).path("hits").path("hits");
        assertThat(hits).hasSize(1);
        JsonNode source = hits.get(0).path("_source");
        assertThat(source.path("tag").toString())
            .isEqualTo("{\"http@status_code\":503,\"error\":true,\"ratio\":0.25}");
        assertThat(source.path("tags").toString())
            .isEqualTo("[{\"key\":\"raw\",\"type\":\"binary\",\"value\":\"01\"}]");
        assertThat(source.path("process").path("tag").toString()).isEqualTo("{\"host@name\":\"box\"}");
      });
      Optional<Trace> read = storage.spanReader().getTrace(TraceId.of(0xf1e1d));
      assertThat(read).isPresent();
      assertThat(read.get().spans().get(0).tags()).containsExactlyInAnyOrderElementsOf(span.tags());
      assertThat(storage.spanReader().findTraceIds(TraceQuery.newBuilder().serviceName("fields-service")
          .addTag(TagFilter.equalTo("http.status_code", "503")).addTag(TagFilter.equalTo("host.name", "box"))
          .build())).containsExactly(TraceId.of(0xf1e1d));
    }
  }

  private static Span spanWithId(Trace trace, long id) {
    return trace.spans().stream().filter(s -> s.spanId().equals(SpanId.of(id))).findFirst()
        .orElseThrow(() -> new AssertionError("no span " + id + " in " + trace.spans()));
  }

  private static String tagsFile(String... keys) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("tags-as-fields", ".txt");
    java.nio.file.Files.write(file, new ArrayList<>(List.of(keys)));
    file.toFile().deleteOnExit();
    return file.toString();
  }

  static String fixture(String name) throws Exception {
    try (InputStream in = JaegerLayoutIT.class.getResourceAsStream("jaeger/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }
}
