package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageSettings;
import io.spoor.testkit.search.SearchEngine;
import io.spoor.testkit.search.SearchServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Index clean-up and rollover on a real OpenSearch node: the {@code spoor es} tools with Jaeger's
 * semantics, and the collector-side lifecycle ({@code --es.retention}, {@code --es.rollover.max-age}).
 */
class IndexLifecycleIT {
  @RegisterExtension
  static final SearchServerExtension NODE = SearchServerExtension.of(SearchEngine.OPENSEARCH);

  private static ElasticsearchIndexTools tools(String prefix) {
    return ElasticsearchIndexTools.create(StorageSettings.of(TestClusters.settings(NODE.url(), prefix)));
  }

  private static void createIndex(RestCalls rest, String name) {
    rest.json("PUT", "/" + name, "{\"settings\":{\"index.number_of_replicas\":0}}");
  }

  private static List<String> indices(RestCalls rest, String pattern) {
    JsonNode answer = rest.json("GET", "/" + pattern + "/_settings/index.creation_date?allow_no_indices=true", null);
    List<String> out = new ArrayList<>();
    answer.fieldNames().forEachRemaining(out::add);
    out.sort(null);
    return out;
  }

  /**
   * The cluster will not back-date {@code index.creation_date}, so the cleaner runs with its clock moved
   * forward instead: indices created now are "10 days old" for a cleaner that thinks it is 10 days later.
   */
  @Test
  void indexCleanerDeletesDailyIndicesCreatedBeforeTheCutoffLikeJaeger() {
    RestCalls rest = new RestCalls(NODE.url());
    for (String name : List.of("clean-jaeger-span-2020-01-01", "clean-jaeger-service-2020-01-01",
        "clean-jaeger-dependencies-2020-01-05", "clean-jaeger-sampling-2020-01", "clean-jaeger-span-notadate",
        "clean-jaeger-span-000001", "clean-other-2020-01-01", "other-jaeger-span-2020-01-01")) {
      createIndex(rest, name);
    }
    StorageSettings settings = StorageSettings.of(TestClusters.settings(NODE.url(), "clean"));
    Clock tenDaysLater = Clock.fixed(Instant.now().plus(Duration.ofDays(10)), ZoneOffset.UTC);
    try (ElasticsearchIndexTools tools = ElasticsearchIndexTools.create(settings, tenDaysLater)) {
      // cutoff: tomorrow 00:00 UTC (of the cleaner's clock) minus 11 days, before the indices were made
      assertThat(tools.cleanIndices(11, false)).isEmpty();
      // minus 9 days: after they were made
      assertThat(tools.cleanIndices(9, false)).containsExactly("clean-jaeger-dependencies-2020-01-05",
          "clean-jaeger-sampling-2020-01", "clean-jaeger-service-2020-01-01", "clean-jaeger-span-2020-01-01");
      assertThat(indices(rest, "clean-*")).containsExactly("clean-jaeger-span-000001",
          "clean-jaeger-span-notadate", "clean-other-2020-01-01");
      assertThat(indices(rest, "other-*")).containsExactly("other-jaeger-span-2020-01-01");
    }
    try (ElasticsearchIndexTools tools = ElasticsearchIndexTools.create(settings)) {
      createIndex(rest, "clean-jaeger-span-2020-02-02");
      // 0 days: everything of the daily pattern created before tomorrow
      assertThat(tools.cleanIndices(0, false)).containsExactly("clean-jaeger-span-2020-02-02");
      assertThat(tools.cleanIndices(0, true)).as("rollover pattern").containsExactly("clean-jaeger-span-000001");
    }
  }

  @Test
  void rolloverInitRolloverLookbackAndCleanerInRolloverMode() {
    RestCalls rest = new RestCalls(NODE.url());
    try (ElasticsearchIndexTools tools = tools("roll")) {
      assertThat(tools.init()).containsExactly("roll-jaeger-span-000001", "roll-jaeger-service-000001",
          "roll-jaeger-dependencies-000001");
      assertThat(tools.init()).as("idempotent").isEmpty();
      assertThat(rest.send("GET", "/_template/roll-jaeger-span", null).status()).isEqualTo(200);
      assertThat(tools.rollover("{\"max_age\": \"2d\"}")).as("conditions not met").isEmpty();

      try (Storage storage = TestClusters.storage("opensearch", NODE.url(), "roll", "es.use-aliases", "true",
          "es.create-index-templates", "false")) {
        storage.start();
        storage.spanWriter().write(List.of(span(1)));
        assertThat(tools.rollover("{}")).containsExactly("roll-jaeger-span-000002", "roll-jaeger-service-000002",
            "roll-jaeger-dependencies-000002");
        storage.spanWriter().write(List.of(span(2)));
        rest.json("POST", "/roll-jaeger-span-*/_refresh", null);
        assertThat(storage.spanReader().getTrace(TraceId.of(1))).as("in the old index, behind the read alias")
            .isPresent();
        assertThat(storage.spanReader().getTrace(TraceId.of(2))).as("in the new write index").isPresent();
        assertThat(aliasIndices(rest, "roll-jaeger-span-write")).containsExactly("roll-jaeger-span-000002");
        assertThat(aliasIndices(rest, "roll-jaeger-span-read"))
            .containsExactly("roll-jaeger-span-000001", "roll-jaeger-span-000002");
        assertThat(rest.json("GET", "/roll-jaeger-span-000002/_search", null).path("hits").path("total")
            .path("value").asInt()).isEqualTo(1);

        // lookback: indices older than the age leave the read alias, the write index stays
        assertThat(tools.lookback(Duration.ofDays(1))).isEmpty();
        assertThat(tools.lookback(Duration.ZERO)).containsExactly("roll-jaeger-dependencies-000001",
            "roll-jaeger-service-000001", "roll-jaeger-span-000001");
        assertThat(aliasIndices(rest, "roll-jaeger-span-read")).containsExactly("roll-jaeger-span-000002");
        assertThat(storage.spanReader().getTrace(TraceId.of(1))).as("out of the read alias").isEmpty();

        // the cleaner in rollover mode removes old rollover indices, never the write index
        assertThat(tools.cleanIndices(0, true)).containsExactly("roll-jaeger-dependencies-000001",
            "roll-jaeger-service-000001", "roll-jaeger-span-000001");
        assertThat(indices(rest, "roll-jaeger-span-*")).containsExactly("roll-jaeger-span-000002");
      }
    }
  }

  @Test
  void theCollectorDeletesDailyIndicesPastTheRetention() {
    RestCalls rest = new RestCalls(NODE.url());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    try (Storage storage = TestClusters.storage("opensearch", NODE.url(), "retain", "es.retention", "2d",
        "es.lifecycle.interval", "500ms")) {
      createIndex(rest, "retain-jaeger-span-" + today.minusDays(5));
      storage.start();
      storage.spanWriter().write(List.of(span(1, Instant.now().minus(Duration.ofDays(5))),
          span(2, Instant.now().minus(Duration.ofDays(1))), span(3, Instant.now())));
      assertThat(storage.metrics().get("spoor_storage_es_spans_too_old_total")).isEqualTo(1.0);
      assertThat(storage.metrics().get("spoor_storage_es_spans_written_total")).isEqualTo(2.0);
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(indices(rest, "retain-*"))
          .doesNotContain("retain-jaeger-span-" + today.minusDays(5))
          .contains("retain-jaeger-span-" + today.minusDays(1), "retain-jaeger-span-" + today,
              "retain-jaeger-service-" + today));
      assertThat(storage.metrics().get("spoor_storage_es_indices_deleted_total")).isGreaterThanOrEqualTo(1.0);
    }
  }

  @Test
  void theCollectorRollsTheWriteAliasOverByAge() {
    RestCalls rest = new RestCalls(NODE.url());
    try (Storage storage = TestClusters.storage("opensearch", NODE.url(), "aged", "es.use-aliases", "true",
        "es.rollover.max-age", "1s", "es.lifecycle.interval", "500ms")) {
      storage.start();
      storage.spanWriter().write(List.of(span(1)));
      await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
          assertThat(aliasIndices(rest, "aged-jaeger-span-write")).doesNotContain("aged-jaeger-span-000001"));
      assertThat(aliasIndices(rest, "aged-jaeger-span-read")).contains("aged-jaeger-span-000001");
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
          assertThat(storage.metrics().get("spoor_storage_es_rollovers_total")).isGreaterThanOrEqualTo(3.0));
    }
  }

  /** The indices an alias writes to (for write aliases) or reads from. */
  private static List<String> aliasIndices(RestCalls rest, String alias) {
    JsonNode answer = rest.json("GET", "/_alias/" + alias, null);
    List<String> out = new ArrayList<>();
    Iterator<String> names = answer.fieldNames();
    while (names.hasNext()) {
      String index = names.next();
      JsonNode a = answer.path(index).path("aliases").path(alias);
      if (!alias.endsWith("-write") || a.path("is_write_index").asBoolean(true)) {
        out.add(index);
      }
    }
    out.sort(null);
    return out;
  }

  private static Span span(long traceId) {
    return span(traceId, Instant.now());
  }

  private static Span span(long traceId, Instant start) {
    Instant t = start.truncatedTo(ChronoUnit.MICROS);
    return Span.newBuilder().traceId(TraceId.of(traceId)).spanId(SpanId.of(1)).operationName("op")
        .process(Process.of("lifecycle-service"))
        .startTimeNanos(t.getEpochSecond() * 1_000_000_000L + t.getNano()).durationNanos(1_000).build();
  }
}
