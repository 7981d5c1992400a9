package io.spoor.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.storage.StorageSettings;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code spoor cassandra init}: creates Jaeger's v004 schema once, then nothing; refuses other schemas. */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CassandraInitTest {
  private CassandraServer node;
  private CqlSession cql;

  @BeforeAll
  void connect(CassandraServer server) {
    node = server;
    cql = CqlSession.builder().addContactPoint(node.contactPoint()).withLocalDatacenter(node.datacenter())
        .withAuthCredentials(node.username(), node.password()).build();
  }

  @AfterAll
  void close() {
    cql.close();
  }

  private StorageSettings settings(String keyspace, String... extra) {
    Map<String, String> options = TestCassandra.options(node, keyspace, extra);
    options.remove("cassandra.create-schema");
    return StorageSettings.of(options);
  }

  @Test
  void initCreatesTheSchemaOnceAndTheStorageStartsOnIt() {
    StorageSettings settings = settings("spoor_init", "cassandra.span-ttl", "24h", "cassandra.dependencies-ttl", "720h");
    assertThat(CassandraStorageFactory.initSchema(settings))
        .startsWith("created Jaeger's Cassandra schema v004 in keyspace spoor_init")
        .contains("'replication_factor': '1'");
    assertThat(CassandraStorageFactory.initSchema(settings))
        .isEqualTo("keyspace spoor_init already holds Jaeger's Cassandra schema v004; nothing to do");
    assertThat(cql.execute("SELECT default_time_to_live FROM system_schema.tables"
        + " WHERE keyspace_name = 'spoor_init' AND table_name = 'traces'").one().getInt(0)).isEqualTo(86_400);
    assertThat(cql.execute("SELECT default_time_to_live FROM system_schema.tables"
        + " WHERE keyspace_name = 'spoor_init' AND table_name = 'dependencies_v2'").one().getInt(0)).isEqualTo(2_592_000);
    assertThat(cql.execute("SELECT compaction FROM system_schema.tables"
        + " WHERE keyspace_name = 'spoor_init' AND table_name = 'traces'").one().getMap(0, String.class, String.class))
        .containsEntry("compaction_window_size", "48").containsEntry("compaction_window_unit", "MINUTES");
    try (Storage storage = new CassandraStorageFactory().create(settings)) {
      storage.start();
      assertThat(storage.check().healthy()).isTrue();
    }
  }

  @Test
  void startWithoutASchemaSaysHowToCreateIt() {
    try (Storage storage = new CassandraStorageFactory().create(settings("spoor_nothing_here"))) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("keyspace spoor_nothing_here does not exist")
          .hasMessageContaining("spoor cassandra init");
    }
  }

  @Test
  void initRefusesAnOlderJaegerSchema() {
    cql.execute("CREATE KEYSPACE IF NOT EXISTS jaeger_v003 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': '1'}");
    // v003's operation names, without the span kind of v004's operation_names_v2
    cql.execute("CREATE TABLE IF NOT EXISTS jaeger_v003.operation_names (service_name text, operation_name text,"
        + " PRIMARY KEY ((service_name), operation_name))");
    assertThatThrownBy(() -> CassandraStorageFactory.initSchema(settings("jaeger_v003")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("keyspace jaeger_v003 holds a schema other than Jaeger's v004")
        .hasMessageContaining("operation_names of Jaeger's schema v003");
    assertThat(cql.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'jaeger_v003'").all())
        .as("nothing created").hasSize(1);
    try (Storage storage = new CassandraStorageFactory().create(settings("jaeger_v003", "cassandra.create-schema", "true"))) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("holds a schema other than Jaeger's v004");
    }
  }

  @Test
  void initRefusesATableWithOtherColumns() {
    cql.execute("CREATE KEYSPACE IF NOT EXISTS foreign_traces WITH replication = {'class': 'SimpleStrategy', 'replication_factor': '1'}");
    cql.execute("CREATE TABLE IF NOT EXISTS foreign_traces.traces (trace_id text, span_id bigint, payload blob,"
        + " PRIMARY KEY (trace_id, span_id))");
    assertThatThrownBy(() -> CassandraStorageFactory.initSchema(settings("foreign_traces")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("table traces: ")
        .hasMessageContaining("trace_id is text (v004: blob)")
        .hasMessageContaining("payload is not in v004");
  }
}
