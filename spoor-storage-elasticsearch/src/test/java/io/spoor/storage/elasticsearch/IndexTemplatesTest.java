package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spoor.storage.elasticsearch.IndexNames.Kind;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The templates are Jaeger's: the same mappings, settings, read alias and index pattern as the
 * templates Jaeger's {@code esmapping-generator} prints for prefix {@code test} (fixtures from
 * Jaeger's repository), except the ILM/ISM lifecycle settings, which Spoor does not use.
 */
class IndexTemplatesTest {
  private final IndexTemplates templates = new IndexTemplates(new IndexNames("test", "-", true), 3, 3);

  @ParameterizedTest
  @CsvSource({
      "SPAN, span.es7.json, 7, false",
      "SERVICE, service.es7.json, 7, false",
      "SPAN, span.os1-3.json, 2, true",
      "SERVICE, service.os1-3.json, 2, true",
      "SPAN, span.es8-9.json, 8, false",
      "SERVICE, service.es8-9.json, 8, false"})
  void matchJaegersTemplates(Kind kind, String fixture, int major, boolean openSearch) throws Exception {
    JsonNode jaeger = fixture(fixture);
    ClusterVersion version = new ClusterVersion(openSearch, major, major + ".0.0");
    JsonNode ours = templates.body(kind, version);
    assertThat(templates.path(kind, version)).isEqualTo(jaeger.path("path").asText());
    JsonNode expected = jaeger.path("body");
    JsonNode template = version.composableTemplates() ? ours.path("template") : ours;
    JsonNode expectedTemplate = version.composableTemplates() ? expected.path("template") : expected;
    assertThat(template.path("mappings")).isEqualTo(expectedTemplate.path("mappings"));
    assertThat(template.path("aliases")).isEqualTo(expectedTemplate.path("aliases"));
    for (String setting : new String[] {"index.number_of_shards", "index.number_of_replicas",
        "index.mapping.nested_fields.limit", "index.requests.cache.enable"}) {
      assertThat(template.path("settings").path(setting).asText()).as(setting)
          .isEqualTo(expectedTemplate.path("settings").path(setting).asText());
    }
    String pattern = ours.path("index_patterns").isArray()
        ? ours.path("index_patterns").path(0).asText() : ours.path("index_patterns").asText();
    String expectedPattern = expected.path("index_patterns").isArray()
        ? expected.path("index_patterns").path(0).asText() : expected.path("index_patterns").asText();
    assertThat(pattern).isEqualTo(expectedPattern);
    if (version.composableTemplates()) {
      assertThat(ours.path("priority")).isEqualTo(expected.path("priority"));
    }
  }

  @Test
  void dailyModeHasNoReadAlias() {
    IndexTemplates daily = new IndexTemplates(new IndexNames("", "-", false), 5, 1);
    JsonNode body = daily.body(Kind.SPAN, new ClusterVersion(true, 2, "2.19.6"));
    assertThat(body.has("aliases")).isFalse();
    assertThat(body.path("index_patterns").asText()).isEqualTo("*jaeger-span-*");
    assertThat(daily.name(Kind.SPAN)).isEqualTo("jaeger-span");
  }

  private static JsonNode fixture(String name) throws Exception {
    try (InputStream in = IndexTemplatesTest.class.getResourceAsStream("jaeger/templates/" + name)) {
      return EsClient.JSON.readTree(in);
    }
  }
}
