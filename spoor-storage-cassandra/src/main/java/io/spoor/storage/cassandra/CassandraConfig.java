package io.spoor.storage.cassandra;

import io.spoor.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parsed {@code --cassandra.*} options, validated when built. Names follow Jaeger's flags.
 *
 * @param servers contact points, each {@code host} or {@code host:port}
 * @param port the CQL port of servers given without one
 * @param localDc the local datacenter; empty: inferred from the contact points
 * @param createSchema create the keyspace and tables at start when missing
 */
public record CassandraConfig(
    List<String> servers,
    int port,
    String keyspace,
    String localDc,
    String username,
    String password,
    Tls tls,
    Duration connectTimeout,
    Duration timeout,
    Duration reconnectInterval,
    int maxRetryAttempts,
    String consistency,
    int maxInFlight,
    Duration writeCacheTtl,
    IndexConfig index,
    boolean createSchema,
    SchemaConfig schema) {

  /** Which span data the tag index holds, after Jaeger's {@code --cassandra.index.*}. */
  public record IndexConfig(boolean tags, boolean logs, boolean processTags, Set<String> allowlist,
      Set<String> denylist) {
    public static final IndexConfig ALL = new IndexConfig(true, true, true, Set.of(), Set.of());

    public IndexConfig {
      allowlist = Set.copyOf(allowlist);
      denylist = Set.copyOf(denylist);
      if (!allowlist.isEmpty() && !denylist.isEmpty()) {
        throw new IllegalArgumentException("--" + Options.INDEX_TAG_ALLOWLIST + " and --" + Options.INDEX_TAG_DENYLIST
            + ": both set (expected: at most one of them)");
      }
    }

    /** Whether a tag with this key is indexed when it comes from span tags, process tags or logs. */
    boolean keyIndexed(String key) {
      if (!allowlist.isEmpty()) {
        return allowlist.contains(key);
      }
      return !denylist.contains(key);
    }

    /** Whether every tag, process tag and log field with this key is in the tag index. */
    boolean complete(String key) {
      return tags && logs && processTags && keyIndexed(key);
    }
  }

  /** TLS to the nodes, after Jaeger's {@code --cassandra.tls.*}. */
  public record Tls(boolean enabled, @Nullable Path ca, @Nullable Path cert, @Nullable Path key,
      String serverName, boolean skipHostVerify) {
    public static final Tls OFF = new Tls(false, null, null, null, "", false);

    public Tls {
      if ((cert == null) != (key == null)) {
        throw new IllegalArgumentException("--" + Options.TLS_CERT + " and --" + Options.TLS_KEY
            + ": only one is set (expected: both for a client certificate, or neither)");
      }
    }
  }

  /** What {@code spoor cassandra init} and {@code --cassandra.create-schema} create. */
  public record SchemaConfig(String replicationStrategy, int replicationFactor, String datacenter,
      Duration spanTtl, Duration dependenciesTtl, Duration compactionWindow) {
    public SchemaConfig {
      if (!replicationStrategy.equals("SimpleStrategy") && !replicationStrategy.equals("NetworkTopologyStrategy")) {
        throw new IllegalArgumentException("--" + Options.REPLICATION_STRATEGY + ": \"" + replicationStrategy
            + "\" (expected: SimpleStrategy or NetworkTopologyStrategy)");
      }
      if (replicationFactor < 1) {
        throw new IllegalArgumentException("--" + Options.REPLICATION_FACTOR + ": " + replicationFactor
            + " (expected: >= 1)");
      }
      if (replicationStrategy.equals("NetworkTopologyStrategy") && datacenter.isEmpty()) {
        throw new IllegalArgumentException("--" + Options.LOCAL_DC
            + ": empty (expected: the datacenter to replicate to with NetworkTopologyStrategy)");
      }
      if (spanTtl.isNegative() || spanTtl.isZero() || spanTtl.toSeconds() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("--" + Options.SPAN_TTL + ": " + spanTtl + " (expected: > 0)");
      }
      if (dependenciesTtl.isNegative() || dependenciesTtl.toSeconds() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("--" + Options.DEPENDENCIES_TTL + ": " + dependenciesTtl
            + " (expected: >= 0; 0 keeps dependencies forever)");
      }
      if (compactionWindow.toMinutes() < 1) {
        throw new IllegalArgumentException("--" + Options.COMPACTION_WINDOW + ": " + compactionWindow
            + " (expected: at least 1m)");
      }
    }

    /** The replication map of CREATE KEYSPACE. */
    String replication() {
      if (replicationStrategy.equals("SimpleStrategy")) {
        return "{'class': 'SimpleStrategy', 'replication_factor': '" + replicationFactor + "'}";
      }
      return "{'class': 'NetworkTopologyStrategy', '" + datacenter.replace("'", "''") + "': '"
          + replicationFactor + "'}";
    }
  }

  private static final Pattern KEYSPACE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,47}");

  public CassandraConfig {
    servers = List.copyOf(servers);
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("--" + Options.SERVERS + ": empty (expected: host[:port],...)");
    }
    for (String server : servers) {
      int colon = server.lastIndexOf(':');
      if (colon > 0 && server.indexOf(':') == colon) {
        try {
          int p = Integer.parseInt(server.substring(colon + 1));
          if (p < 1 || p > 65535) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--" + Options.SERVERS + ": \"" + server
              + "\" (expected: host or host:port)");
        }
      }
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("--" + Options.PORT + ": " + port + " (expected: 1-65535)");
    }
    if (!KEYSPACE.matcher(keyspace).matches()) {
      throw new IllegalArgumentException("--" + Options.KEYSPACE + ": \"" + keyspace
          + "\" (expected: a letter then up to 47 letters, digits or _)");
    }
    if (maxRetryAttempts < 0) {
      throw new IllegalArgumentException("--" + Options.MAX_RETRY_ATTEMPTS + ": " + maxRetryAttempts + " (expected: >= 0)");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("--" + Options.MAX_IN_FLIGHT + ": " + maxInFlight + " (expected: >= 1)");
    }
    for (Duration d : List.of(connectTimeout, timeout, reconnectInterval)) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("cassandra timeouts: " + d + " (expected: > 0)");
      }
    }
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(schema, "schema");
  }

  /** The flag names. */
  public static final class Options {
    public static final String SERVERS = "cassandra.servers";
    public static final String PORT = "cassandra.port";
    public static final String KEYSPACE = "cassandra.keyspace";
    public static final String LOCAL_DC = "cassandra.local-dc";
    public static final String USERNAME = "cassandra.username";
    public static final String PASSWORD = "cassandra.password";
    public static final String TLS_ENABLED = "cassandra.tls.enabled";
    public static final String TLS_CA = "cassandra.tls.ca";
    public static final String TLS_CERT = "cassandra.tls.cert";
    public static final String TLS_KEY = "cassandra.tls.key";
    public static final String TLS_SERVER_NAME = "cassandra.tls.server-name";
    public static final String TLS_SKIP_HOST_VERIFY = "cassandra.tls.skip-host-verify";
    public static final String CONNECT_TIMEOUT = "cassandra.connect-timeout";
    public static final String TIMEOUT = "cassandra.timeout";
    public static final String RECONNECT_INTERVAL = "cassandra.reconnect-interval";
    public static final String MAX_RETRY_ATTEMPTS = "cassandra.max-retry-attempts";
    public static final String CONSISTENCY = "cassandra.consistency";
    public static final String MAX_IN_FLIGHT = "cassandra.max-in-flight";
    public static final String WRITE_CACHE_TTL = "cassandra.span-store-write-cache-ttl";
    public static final String INDEX_TAGS = "cassandra.index.tags";
    public static final String INDEX_LOGS = "cassandra.index.logs";
    public static final String INDEX_PROCESS_TAGS = "cassandra.index.process-tags";
    public static final String INDEX_TAG_ALLOWLIST = "cassandra.index.tag-allowlist";
    public static final String INDEX_TAG_DENYLIST = "cassandra.index.tag-denylist";
    public static final String CREATE_SCHEMA = "cassandra.create-schema";
    public static final String REPLICATION_STRATEGY = "cassandra.replication-strategy";
    public static final String REPLICATION_FACTOR = "cassandra.replication-factor";
    public static final String SPAN_TTL = "cassandra.span-ttl";
    public static final String DEPENDENCIES_TTL = "cassandra.dependencies-ttl";
    public static final String COMPACTION_WINDOW = "cassandra.compaction-window";

    private Options() {}
  }

  public static final String DEFAULT_KEYSPACE = "jaeger_v1_test";

  /** Parses and validates. @throws IllegalArgumentException naming the flag */
  public static CassandraConfig from(StorageSettings s) {
    String tlsCa = s.getString(Options.TLS_CA, "");
    String tlsCert = s.getString(Options.TLS_CERT, "");
    String tlsKey = s.getString(Options.TLS_KEY, "");
    boolean tlsEnabled = s.getBoolean(Options.TLS_ENABLED, false);
    Tls tls = new Tls(tlsEnabled, path(tlsCa), path(tlsCert), path(tlsKey),
        s.getString(Options.TLS_SERVER_NAME, ""), s.getBoolean(Options.TLS_SKIP_HOST_VERIFY, false));
    if (!tlsEnabled && (!tlsCa.isEmpty() || !tlsCert.isEmpty())) {
      throw new IllegalArgumentException("--" + Options.TLS_CA + "/--" + Options.TLS_CERT
          + ": set while --" + Options.TLS_ENABLED + " is false (expected: --" + Options.TLS_ENABLED + "=true)");
    }
    IndexConfig index = new IndexConfig(
        s.getBoolean(Options.INDEX_TAGS, true),
        s.getBoolean(Options.INDEX_LOGS, true),
        s.getBoolean(Options.INDEX_PROCESS_TAGS, true),
        list(s.getString(Options.INDEX_TAG_ALLOWLIST, "")),
        list(s.getString(Options.INDEX_TAG_DENYLIST, "")));
    String consistency = s.getString(Options.CONSISTENCY, "LOCAL_ONE").toUpperCase(Locale.ROOT);
    if (!Set.of("ANY", "ONE", "TWO", "THREE", "QUORUM", "ALL", "LOCAL_QUORUM", "EACH_QUORUM", "LOCAL_ONE")
        .contains(consistency)) {
      throw new IllegalArgumentException("--" + Options.CONSISTENCY + ": \"" + consistency
          + "\" (expected: ONE, LOCAL_ONE, QUORUM, LOCAL_QUORUM, ALL, ...)");
    }
    Duration spanTtl = s.getDuration(Options.SPAN_TTL, Duration.ofHours(48));
    String localDc = s.getString(Options.LOCAL_DC, "");
    SchemaConfig schema = new SchemaConfig(
        s.getString(Options.REPLICATION_STRATEGY, "SimpleStrategy"),
        s.getInt(Options.REPLICATION_FACTOR, 1),
        localDc,
        spanTtl,
        s.getDuration(Options.DEPENDENCIES_TTL, Duration.ZERO),
        s.get(Options.COMPACTION_WINDOW).filter(v -> !v.isEmpty()).isPresent()
            ? s.getDuration(Options.COMPACTION_WINDOW, Duration.ZERO)
            : defaultCompactionWindow(spanTtl));
    return new CassandraConfig(
        new ArrayList<>(list(s.getString(Options.SERVERS, "127.0.0.1"))),
        s.getInt(Options.PORT, 9042),
        s.getString(Options.KEYSPACE, DEFAULT_KEYSPACE),
        localDc,
        s.getString(Options.USERNAME, ""),
        s.getString(Options.PASSWORD, ""),
        tls,
        s.getDuration(Options.CONNECT_TIMEOUT, Duration.ofSeconds(5)),
        s.getDuration(Options.TIMEOUT, Duration.ofSeconds(10)),
        s.getDuration(Options.RECONNECT_INTERVAL, Duration.ofSeconds(60)),
        s.getInt(Options.MAX_RETRY_ATTEMPTS, 3),
        consistency,
        s.getInt(Options.MAX_IN_FLIGHT, 512),
        s.getDuration(Options.WRITE_CACHE_TTL, Duration.ofHours(12)),
        index,
        s.getBoolean(Options.CREATE_SCHEMA, false),
        schema);
  }

  /** Jaeger's create.sh: ceil(ttl in minutes / 30) minutes, about 30 compaction windows per TTL. */
  static Duration defaultCompactionWindow(Duration ttl) {
    long minutes = Math.max(1, (ttl.toMinutes() + 29) / 30);
    return Duration.ofMinutes(minutes);
  }

  private static @Nullable Path path(String s) {
    return s.isEmpty() ? null : Path.of(s);
  }

  private static Set<String> list(String csv) {
    Set<String> out = new LinkedHashSet<>();
    for (String part : csv.split(",")) {
      String t = part.trim();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
