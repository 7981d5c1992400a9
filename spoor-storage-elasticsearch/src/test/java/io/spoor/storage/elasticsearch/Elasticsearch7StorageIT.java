package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.storage.Storage;
import io.spoor.storage.tck.AbstractDependenciesTest;
import io.spoor.storage.tck.AbstractFixtureQueriesTest;
import io.spoor.storage.tck.AbstractSpanStoreTest;
import io.spoor.storage.tck.AbstractTraceSearchTest;
import io.spoor.testkit.search.SearchEngine;
import io.spoor.testkit.search.SearchServerExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code elasticsearch} backend on a real Elasticsearch 7.17 node: every TCK suite in daily mode
 * (alias mode and tags as fields run on OpenSearch only, to keep the module's test time down), and the
 * legacy {@code _template} the version detection chose.
 */
class Elasticsearch7StorageIT {
  @RegisterExtension
  static final SearchServerExtension NODE = SearchServerExtension.of(SearchEngine.ELASTICSEARCH);

  static Storage newStorage(String prefix) {
    return TestClusters.storage("elasticsearch", NODE.url(), prefix);
  }

  @Test
  void detectsVersion7AndPutsLegacyTemplates() throws Exception {
    try (Storage storage = newStorage("es7-templates")) {
      storage.start();
      assertThat(((ElasticsearchStorage) storage).version()).hasToString("Elasticsearch 7.17.29");
      HttpResponse<String> template = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(NODE.url() + "/_template/es7-templates-jaeger-span")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(template.statusCode()).isEqualTo(200);
      assertThat(template.body()).contains("\"*es7-templates-jaeger-span-*\"").contains("\"nested\"");
    }
  }

  @Nested
  class FixtureQueries extends AbstractFixtureQueriesTest {
    @Override
    protected Storage createStorage() {
      return newStorage("es7-fixtures");
    }

    @Override
    protected Duration readTimeout() {
      return OpenSearchStorageIT.REFRESH;
    }
  }

  @Nested
  class SpanStore extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return newStorage("es7-spans");
    }

    @Override
    protected Duration readTimeout() {
      return OpenSearchStorageIT.REFRESH;
    }
  }

  @Nested
  class TraceSearch extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return newStorage("es7-search");
    }

    @Override
    protected Duration readTimeout() {
      return OpenSearchStorageIT.REFRESH;
    }
  }

  @Nested
  class Dependencies extends AbstractDependenciesTest {
    @Override
    protected Storage createStorage() {
      return newStorage("es7-deps");
    }

    @Override
    protected Duration readTimeout() {
      return OpenSearchStorageIT.REFRESH;
    }
  }
}
