package io.spoor.storage.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.ProgrammaticDriverConfigLoaderBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import com.datastax.oss.driver.internal.core.loadbalancing.DcInferringLoadBalancingPolicy;
import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The Cassandra backend: one driver session to the cluster, Jaeger's v004 keyspace, and the writer,
 * reader and dependency store on it. {@link #start()} connects, checks (or with {@code
 * --cassandra.create-schema} creates) the schema and prepares the statements.
 */
final class CassandraStorage implements Storage {
  private static final Pattern TABLE = Pattern.compile("\\b(INTO|FROM) ([a-z_0-9]+)\\b");

  private final CassandraConfig config;
  private final CassandraMetrics metrics = new CassandraMetrics();
  private volatile @Nullable CqlSession session;
  private @Nullable CassandraSpanWriter writer;
  private @Nullable CassandraSpanReader reader;
  private @Nullable CassandraDependencyStore dependencies;

  CassandraStorage(CassandraConfig config) {
    this.config = config;
  }

  CassandraConfig config() {
    return config;
  }

  @Override
  public synchronized void start() {
    if (session != null) {
      return;
    }
    CqlSession s = connect(config);
    try {
      if (config.createSchema()) {
        CassandraSchema.create(s, config.keyspace(), config.schema(), config.timeout());
      } else {
        CassandraSchema.requireComplete(s, config.keyspace());
      }
      s.refreshSchema();
      KeyspaceMetadata ks = s.getMetadata().getKeyspace(config.keyspace())
          .orElseThrow(() -> new StorageException("cassandra: keyspace " + config.keyspace() + " not in the metadata"));
      SpanRows rows = new SpanRows(udt(ks, "keyvalue"), udt(ks, "log"), udt(ks, "span_ref"), udt(ks, "process"));
      Requests requests = new Requests(s, config.maxInFlight(), config.maxRetryAttempts(), config.timeout(), metrics);
      writer = new CassandraSpanWriter(s, config.keyspace(), requests, rows, config, metrics);
      Row ttl = s.execute(SimpleStatement.newInstance("SELECT default_time_to_live FROM system_schema.tables"
          + " WHERE keyspace_name = ? AND table_name = 'traces'", config.keyspace())).one();
      reader = new CassandraSpanReader(s, config.keyspace(), requests, config, metrics,
          ttl == null ? 0 : ttl.getInt(0));
      dependencies = new CassandraDependencyStore(s, config.keyspace(), requests, udt(ks, "dependency"));
      metrics.nodesUp(() -> nodesUp(s));
      session = s;
    } catch (RuntimeException e) {
      s.close();
      if (e instanceof StorageException) {
        throw e;
      }
      throw Requests.storageException("preparing keyspace " + config.keyspace(), e);
    }
  }

  private static UserDefinedType udt(KeyspaceMetadata ks, String name) {
    return ks.getUserDefinedType(name).orElseThrow(() -> new StorageException(
        "cassandra: keyspace " + ks.getName() + " has no type " + name));
  }

  /**
   * A session to the cluster without a keyspace.
   *
   * @throws StorageException naming the servers and the flags when no node answers or the login fails
   */
  static CqlSession connect(CassandraConfig config) {
    Duration reconnect = config.reconnectInterval();
    ProgrammaticDriverConfigLoaderBuilder options = DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.CONNECTION_CONNECT_TIMEOUT, config.connectTimeout())
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, config.connectTimeout())
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, config.connectTimeout())
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, config.timeout())
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_REQUEST_TIMEOUT, config.timeout())
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, config.timeout())
        .withString(DefaultDriverOption.REQUEST_CONSISTENCY, config.consistency())
        .withBoolean(DefaultDriverOption.REQUEST_DEFAULT_IDEMPOTENCE, true)
        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY,
            reconnect.compareTo(Duration.ofSeconds(1)) < 0 ? reconnect : Duration.ofSeconds(1))
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, reconnect)
        .withBoolean(DefaultDriverOption.RECONNECT_ON_INIT, false)
        // The driver refreshes its schema metadata after every DDL statement, debounced by this window
        // (1 s by default): creating the 17 objects of the schema would take that long each.
        .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(20))
        .withString(DefaultDriverOption.SESSION_NAME, "spoor");
    if (config.localDc().isEmpty()) {
      options.withClass(DefaultDriverOption.LOAD_BALANCING_POLICY_CLASS, DcInferringLoadBalancingPolicy.class);
    }
    List<InetSocketAddress> contactPoints = contactPoints(config);
    String servers = describe(contactPoints);
    CqlSessionBuilder builder = CqlSession.builder()
        .withConfigLoader(options.build())
        .addContactPoints(contactPoints);
    if (!config.localDc().isEmpty()) {
      builder.withLocalDatacenter(config.localDc());
    }
    if (!config.username().isEmpty()) {
      builder.withAuthCredentials(config.username(), config.password());
    }
    if (config.tls().enabled()) {
      builder.withSslEngineFactory(PemSslEngineFactory.create(config.tls()));
    }
    try {
      return builder.build();
    } catch (AllNodesFailedException e) {
      for (List<Throwable> errors : e.getAllErrors().values()) {
        for (Throwable t : errors) {
          if (t instanceof AuthenticationException) {
            throw new StorageException("cassandra: login to " + servers + " refused for user \""
                + config.username() + "\" (--cassandra.username, --cassandra.password): " + t.getMessage(), e);
          }
        }
      }
      throw new StorageException("cassandra: cannot connect to " + servers
          + " (--cassandra.servers, --cassandra.port): " + e.getMessage(), e);
    } catch (AuthenticationException e) {
      throw new StorageException("cassandra: login to " + servers + " refused for user \""
          + config.username() + "\" (--cassandra.username, --cassandra.password): " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new StorageException("cassandra: cannot connect to " + servers
          + " (--cassandra.servers, --cassandra.port): " + e, e);
    }
  }

  static List<InetSocketAddress> contactPoints(CassandraConfig config) {
    List<InetSocketAddress> out = new ArrayList<>();
    for (String server : config.servers()) {
      String host = server;
      int port = config.port();
      int colon = server.lastIndexOf(':');
      if (colon > 0 && server.indexOf(':') == colon) {
        host = server.substring(0, colon);
        try {
          port = Integer.parseInt(server.substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--cassandra.servers: \"" + server + "\" (expected: host or host:port)");
        }
      }
      out.add(InetSocketAddress.createUnresolved(host, port));
    }
    return out;
  }

  /** {@code [host:port, ...]}. */
  static String describe(List<InetSocketAddress> addresses) {
    List<String> out = new ArrayList<>();
    for (InetSocketAddress a : addresses) {
      out.add(a.getHostString() + ":" + a.getPort());
    }
    return out.toString();
  }

  static PreparedStatement prepare(CqlSession session, String keyspace, String cql) {
    Matcher m = TABLE.matcher(cql);
    return session.prepare(m.replaceAll("$1 " + keyspace + ".$2"));
  }

  private CqlSession session() {
    CqlSession s = session;
    if (s == null) {
      throw new IllegalStateException("cassandra storage: not started (expected: start() first)");
    }
    return s;
  }

  @Override
  public SpanWriter spanWriter() {
    session();
    return writer;
  }

  @Override
  public SpanReader spanReader() {
    session();
    return reader;
  }

  @Override
  public DependencyStore dependencyStore() {
    session();
    return dependencies;
  }

  /**
   * Every check is made on the spans themselves after the indexes narrowed the candidates, so tags with
   * durations and the extended operators work. Searches need a service (the indexes are keyed by it),
   * and dependencies come from {@code dependencies_v2}, written by a batch job.
   */
  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.TAGS_WITH_DURATION, Capability.EXTENDED_TAG_OPERATORS,
        Capability.OPERATIONS_WITH_SPAN_KIND);
  }

  @Override
  public HealthStatus check() {
    CqlSession s = session;
    if (s == null) {
      return HealthStatus.unhealthy("cassandra: not connected");
    }
    try {
      Map<?, Node> nodes = s.getMetadata().getNodes();
      if (nodesUp(s) == 0) {
        return HealthStatus.unhealthy("cassandra: none of " + nodes.size() + " nodes is up ("
            + describe(contactPoints(config)) + ")");
      }
      return HealthStatus.OK;
    } catch (RuntimeException e) {
      return HealthStatus.unhealthy("cassandra: " + e.getMessage());
    }
  }

  private static int nodesUp(CqlSession s) {
    int up = 0;
    for (Node node : s.getMetadata().getNodes().values()) {
      if (node.getState() == NodeState.UP && node.getOpenConnections() > 0) {
        up++;
      }
    }
    return up;
  }

  @Override
  public Map<String, Double> metrics() {
    return metrics.snapshot();
  }

  /** TRUNCATE of every table (no snapshot when the cluster runs with {@code auto_snapshot: false}). */
  @Override
  public void purge() {
    CqlSession s = session();
    for (String table : CassandraSchema.TABLES.keySet()) {
      s.execute(SimpleStatement.newInstance("TRUNCATE " + config.keyspace() + "." + table)
          .setTimeout(config.timeout().multipliedBy(6)));
    }
    writer.clearCache();
  }

  @Override
  public synchronized void close() {
    CqlSession s = session;
    session = null;
    if (s != null) {
      s.close();
    }
  }
}
