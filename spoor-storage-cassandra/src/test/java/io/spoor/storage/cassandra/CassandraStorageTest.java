package io.spoor.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.storage.Capability;
import io.spoor.storage.Storage;
import io.spoor.storage.tck.AbstractDependenciesTest;
import io.spoor.storage.tck.AbstractFixtureQueriesTest;
import io.spoor.storage.tck.AbstractSpanStoreTest;
import io.spoor.storage.tck.AbstractTraceSearchTest;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cassandra backend against every TCK suite on a real Cassandra 5 node, created by name as the
 * server creates it. The suites run one after the other and share one keyspace (creating Jaeger's
 * schema takes seconds; TRUNCATE between tests is cheap without snapshots).
 * It lacks {@link Capability#SEARCH_WITHOUT_SERVICE} (Jaeger's indexes are keyed by service) and
 * {@link Capability#DEPENDENCIES_FROM_SPANS} (links come from a batch job), so those tests are skipped.
 */
@ExtendWith(CassandraExtension.class)
class CassandraStorageTest {
  static final String KEYSPACE = "spoor_tck";
  private static CassandraServer node;

  @BeforeAll
  static void node(CassandraServer server) {
    node = server;
  }

  static Storage newStorage() {
    return TestCassandra.storage(node, KEYSPACE);
  }

  @Test
  void declaresWhatItCanDo() {
    try (Storage storage = newStorage()) {
      assertThat(storage.capabilities()).isEqualTo(EnumSet.of(Capability.TAGS_WITH_DURATION,
          Capability.EXTENDED_TAG_OPERATORS, Capability.OPERATIONS_WITH_SPAN_KIND));
    }
  }

  @Nested
  class SpanStore extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return newStorage();
    }
  }

  @Nested
  class TraceSearch extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return newStorage();
    }
  }

  @Nested
  class FixtureQueries extends AbstractFixtureQueriesTest {
    @Override
    protected Storage createStorage() {
      return newStorage();
    }
  }

  @Nested
  class Dependencies extends AbstractDependenciesTest {
    @Override
    protected Storage createStorage() {
      return newStorage();
    }
  }
}
