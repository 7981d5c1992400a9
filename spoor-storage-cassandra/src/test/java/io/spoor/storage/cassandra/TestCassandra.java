package io.spoor.storage.cassandra;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.testkit.cassandra.CassandraServer;
import java.util.HashMap;
import java.util.Map;

/** Settings and storages against the test run's node. */
final class TestCassandra {
  private TestCassandra() {}

  /** Options for the node with its own keyspace, created at start; {@code extra} as flag, value pairs. */
  static Map<String, String> options(CassandraServer node, String keyspace, String... extra) {
    Map<String, String> m = new HashMap<>();
    m.put("cassandra.servers", node.host());
    m.put("cassandra.port", Integer.toString(node.cqlPort()));
    m.put("cassandra.keyspace", keyspace);
    m.put("cassandra.username", node.username());
    m.put("cassandra.password", node.password());
    m.put("cassandra.create-schema", "true");
    m.put("cassandra.reconnect-interval", "1s");
    for (int i = 0; i < extra.length; i += 2) {
      m.put(extra[i], extra[i + 1]);
    }
    return m;
  }

  static Storage storage(CassandraServer node, String keyspace, String... extra) {
    return StorageFactory.find("cassandra")
        .orElseThrow(() -> new AssertionError("cassandra: not registered in META-INF/services"))
        .create(StorageSettings.of(options(node, keyspace, extra)));
  }
}
