package io.spoor.storage.cassandra;

import static io.spoor.storage.cassandra.CassandraConfig.Options.*;

import com.datastax.oss.driver.api.core.CqlSession;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code cassandra} backend ({@code SPAN_STORAGE_TYPE=cassandra}): Jaeger's Cassandra schema v004,
 * so a keyspace that Jaeger writes reads in Spoor and the other way round. Options keep Jaeger's flag
 * names; see {@code docs/storage-cassandra.md}.
 */
public final class CassandraStorageFactory implements StorageFactory {
  @Override
  public String name() {
    return "cassandra";
  }

  @Override
  public List<StorageOption> options() {
    return List.of(
        new StorageOption(SERVERS, "127.0.0.1", "Comma-separated Cassandra nodes to contact, host or host:port."),
        new StorageOption(PORT, "9042", "The CQL port of the nodes listed without one."),
        new StorageOption(KEYSPACE, CassandraConfig.DEFAULT_KEYSPACE, "The keyspace holding Jaeger's schema v004."),
        new StorageOption(LOCAL_DC, "",
            "The local datacenter (requests go to its nodes); empty: the datacenter of the contact points."
                + " Also the datacenter NetworkTopologyStrategy replicates to."),
        new StorageOption(USERNAME, "", "User for PasswordAuthenticator; empty: no login."),
        new StorageOption(PASSWORD, "", "Password of --cassandra.username."),
        new StorageOption(TLS_ENABLED, "false", "Connect with TLS."),
        new StorageOption(TLS_CA, "", "PEM file of the CAs that sign the nodes' certificates; empty: the JVM's."),
        new StorageOption(TLS_CERT, "", "PEM file of the client certificate (with --cassandra.tls.key)."),
        new StorageOption(TLS_KEY, "", "PEM file (PKCS#8) of the client certificate's private key."),
        new StorageOption(TLS_SERVER_NAME, "", "The server name sent (SNI) and verified instead of the node address."),
        new StorageOption(TLS_SKIP_HOST_VERIFY, "false", "Accept any server certificate (insecure)."),
        new StorageOption(CONNECT_TIMEOUT, "5s", "Timeout of connecting to a node."),
        new StorageOption(TIMEOUT, "10s", "Timeout of one request."),
        new StorageOption(RECONNECT_INTERVAL, "60s", "The longest pause between reconnection attempts to a node that is down."),
        new StorageOption(MAX_RETRY_ATTEMPTS, "3", "Retries of a request that timed out or found the cluster overloaded."),
        new StorageOption(CONSISTENCY, "LOCAL_ONE", "Consistency level of reads and writes."),
        new StorageOption(MAX_IN_FLIGHT, "512",
            "The most requests outstanding at once; writers wait for a free slot up to --cassandra.timeout, then fail."),
        new StorageOption(WRITE_CACHE_TTL, "12h",
            "How long a service or operation name written is not written again."),
        new StorageOption(INDEX_TAGS, "true", "Index span tags for search."),
        new StorageOption(INDEX_LOGS, "true", "Index log fields for search."),
        new StorageOption(INDEX_PROCESS_TAGS, "true", "Index process tags for search."),
        new StorageOption(INDEX_TAG_ALLOWLIST, "",
            "Comma-separated tag keys: index only these (searches on others scan the service's traces)."),
        new StorageOption(INDEX_TAG_DENYLIST, "", "Comma-separated tag keys never indexed."),
        new StorageOption(CREATE_SCHEMA, "false",
            "Create the keyspace and tables at start when missing (as `spoor cassandra init`)."),
        new StorageOption(REPLICATION_STRATEGY, "SimpleStrategy",
            "Replication of a keyspace created here: SimpleStrategy or NetworkTopologyStrategy (to --cassandra.local-dc)."),
        new StorageOption(REPLICATION_FACTOR, "1", "Replication factor of a keyspace created here."),
        new StorageOption(SPAN_TTL, "48h", "Time to live of spans and indexes in tables created here."),
        new StorageOption(DEPENDENCIES_TTL, "0s", "Time to live of dependency links in tables created here; 0: forever."),
        new StorageOption(COMPACTION_WINDOW, "",
            "TimeWindowCompactionStrategy window of the traces table created here; empty: span TTL / 30."));
  }

  /** @throws IllegalArgumentException naming the option, its value and what was expected */
  @Override
  public Storage create(StorageSettings settings) {
    return new CassandraStorage(CassandraConfig.from(Objects.requireNonNull(settings, "settings")));
  }

  /**
   * {@code spoor cassandra init}: connects with the same options and creates the keyspace and the v004
   * tables that are missing.
   *
   * @return one line saying what was done
   * @throws io.spoor.storage.StorageException when the cluster is unreachable or the keyspace holds
   *     another schema (nothing is changed then)
   * @throws IllegalArgumentException for a bad option
   */
  public static String initSchema(StorageSettings settings) {
    CassandraConfig config = CassandraConfig.from(settings);
    try (CqlSession session = CassandraStorage.connect(config)) {
      boolean created = CassandraSchema.create(session, config.keyspace(), config.schema(), config.timeout());
      return created
          ? "created Jaeger's Cassandra schema " + CassandraSchema.VERSION + " in keyspace " + config.keyspace()
              + " (replication " + config.schema().replication() + ", span TTL " + config.schema().spanTtl().toSeconds()
              + " s, dependencies TTL " + config.schema().dependenciesTtl().toSeconds() + " s)"
          : "keyspace " + config.keyspace() + " already holds Jaeger's Cassandra schema " + CassandraSchema.VERSION
              + "; nothing to do";
    }
  }

  /**
   * The current metrics of a storage this factory created, by Prometheus-style name ({@code
   * spoor_storage_cassandra_*}).
   */
  public static Map<String, Double> metrics(Storage storage) {
    if (!(storage instanceof CassandraStorage)) {
      throw new IllegalArgumentException("storage: " + storage.getClass().getName()
          + " (expected: a storage created by the cassandra factory)");
    }
    return storage.metrics();
  }
}
