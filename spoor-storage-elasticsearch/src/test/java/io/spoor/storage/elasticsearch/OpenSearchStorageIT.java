package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.storage.Capability;
import io.spoor.storage.Storage;
import io.spoor.storage.tck.AbstractDependenciesTest;
import io.spoor.storage.tck.AbstractFixtureQueriesTest;
import io.spoor.storage.tck.AbstractSpanStoreTest;
import io.spoor.storage.tck.AbstractTraceSearchTest;
import io.spoor.testkit.search.SearchEngine;
import io.spoor.testkit.search.SearchServerExtension;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code opensearch} backend against every TCK suite on a real OpenSearch 2.19 node, each suite
 * under its own index prefix, in daily-index mode and (span store, search) in alias mode. Reads may
 * wait for the index refresh (one second), hence a three-second read timeout.
 */
class OpenSearchStorageIT {
  @RegisterExtension
  static final SearchServerExtension NODE = SearchServerExtension.of(SearchEngine.OPENSEARCH);

  static final Duration REFRESH = Duration.ofSeconds(3);

  static Storage newStorage(String prefix, String... more) {
    return TestClusters.storage("opensearch", NODE.url(), prefix, more);
  }

  @Test
  void declaresItsCapabilities() {
    try (Storage storage = newStorage("tck-caps")) {
      assertThat(storage.capabilities()).isEqualTo(EnumSet.of(Capability.SEARCH_WITHOUT_SERVICE,
          Capability.TAGS_WITH_DURATION, Capability.EXTENDED_TAG_OPERATORS));
    }
  }

  @Nested
  class FixtureQueries extends AbstractFixtureQueriesTest {
    @Override
    protected Storage createStorage() {
      return newStorage("tck-fixtures");
    }

    @Override
    protected Duration readTimeout() {
      return REFRESH;
    }
  }

  @Nested
  class SpanStore extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return newStorage("tck-spans");
    }

    @Override
    protected Duration readTimeout() {
      return REFRESH;
    }
  }

  @Nested
  class TraceSearch extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return newStorage("tck-search");
    }

    @Override
    protected Duration readTimeout() {
      return REFRESH;
    }
  }

  @Nested
  class Dependencies extends AbstractDependenciesTest {
    @Override
    protected Storage createStorage() {
      return newStorage("tck-deps");
    }

    @Override
    protected Duration readTimeout() {
      return REFRESH;
    }
  }

  @Nested
  class SpanStoreWithAliases extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return newStorage("tck-alias-spans", "es.use-aliases", "true");
    }

    @Override
    protected Duration readTimeout() {
      return REFRESH;
    }
  }

  @Nested
  class TraceSearchWithTagsAsFields extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return newStorage("tck-tagfields", "es.tags-as-fields.all", "true");
    }

    @Override
    protected Duration readTimeout() {
      return REFRESH;
    }
  }
}
