package io.spoor.storage.elasticsearch;

import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The options of the Elasticsearch/OpenSearch backend, with Jaeger's flag names, validated once.
 *
 * @param tagsAsFields keys stored in the {@code tag} object rather than the nested {@code tags}
 * @param version 0: detect from the cluster
 * @param retention 0: keep indices forever
 * @param rolloverMaxAge null: no age condition
 * @param rolloverMaxSize null: no size condition (an Elasticsearch byte size such as {@code 50gb})
 */
record EsConfig(
    List<URI> serverUrls,
    @Nullable String username,
    @Nullable String password,
    boolean tlsEnabled,
    @Nullable Path tlsCa,
    boolean tlsSkipHostVerify,
    int version,
    String indexPrefix,
    String dateSeparator,
    int numShards,
    int numReplicas,
    boolean createIndexTemplates,
    boolean useAliases,
    Duration maxSpanAge,
    boolean allTagsAsFields,
    Set<String> tagsAsFields,
    String dotReplacement,
    int bulkActions,
    long bulkBytes,
    int bulkWorkers,
    Duration bulkMaxWait,
    int maxDocCount,
    Duration timeout,
    Duration retention,
    @Nullable Duration rolloverMaxAge,
    @Nullable String rolloverMaxSize,
    Duration lifecycleInterval) {

  static final String SERVER_URLS = "es.server-urls";
  static final String USERNAME = "es.username";
  static final String PASSWORD = "es.password";
  static final String TLS_ENABLED = "es.tls.enabled";
  static final String TLS_CA = "es.tls.ca";
  static final String TLS_SKIP_HOST_VERIFY = "es.tls.skip-host-verify";
  static final String VERSION = "es.version";
  static final String INDEX_PREFIX = "es.index-prefix";
  static final String DATE_SEPARATOR = "es.index-date-separator";
  static final String NUM_SHARDS = "es.num-shards";
  static final String NUM_REPLICAS = "es.num-replicas";
  static final String CREATE_TEMPLATES = "es.create-index-templates";
  static final String USE_ALIASES = "es.use-aliases";
  static final String MAX_SPAN_AGE = "es.max-span-age";
  static final String TAGS_ALL = "es.tags-as-fields.all";
  static final String TAGS_FILE = "es.tags-as-fields.config-file";
  static final String TAGS_DOT = "es.tags-as-fields.dot-replacement";
  static final String BULK_ACTIONS = "es.bulk.actions";
  static final String BULK_SIZE = "es.bulk.size";
  static final String BULK_WORKERS = "es.bulk.workers";
  static final String BULK_MAX_WAIT = "es.bulk.max-wait";
  static final String MAX_DOC_COUNT = "es.max-doc-count";
  static final String TIMEOUT = "es.timeout";
  static final String RETENTION = "es.retention";
  static final String ROLLOVER_MAX_AGE = "es.rollover.max-age";
  static final String ROLLOVER_MAX_SIZE = "es.rollover.max-size";
  static final String LIFECYCLE_INTERVAL = "es.lifecycle.interval";

  EsConfig {
    serverUrls = List.copyOf(serverUrls);
    tagsAsFields = Set.copyOf(tagsAsFields);
    Objects.requireNonNull(indexPrefix, "indexPrefix");
  }

  static List<StorageOption> options() {
    return List.of(
        new StorageOption(SERVER_URLS, "http://127.0.0.1:9200",
            "Comma-separated URLs of the cluster's nodes; requests go to them in turn."),
        new StorageOption(USERNAME, "", "User for HTTP basic authentication."),
        new StorageOption(PASSWORD, "", "Password for HTTP basic authentication."),
        new StorageOption(TLS_ENABLED, "false", "Use TLS (also implied by https:// server URLs)."),
        new StorageOption(TLS_CA, "", "PEM file of the CA certificates to trust instead of the JVM's."),
        new StorageOption(TLS_SKIP_HOST_VERIFY, "false", "Trust any server certificate and host name (tests only)."),
        new StorageOption(VERSION, "0",
            "Major version of Elasticsearch (6, 7, 8, 9) for the template format; 0 detects it from the cluster. "
                + "OpenSearch is detected by its distribution."),
        new StorageOption(INDEX_PREFIX, "", "Prefix of every index: \"prod\" gives prod-jaeger-span-2026-01-02."),
        new StorageOption(DATE_SEPARATOR, "-", "Separator of the date parts in daily index names."),
        new StorageOption(NUM_SHARDS, "5", "Primary shards of each new index (in the templates)."),
        new StorageOption(NUM_REPLICAS, "1", "Replicas of each new index (in the templates)."),
        new StorageOption(CREATE_TEMPLATES, "true", "Create or update the index templates at start."),
        new StorageOption(USE_ALIASES, "false",
            "Write to jaeger-span-write and read from jaeger-span-read (rollover mode, see 'spoor es rollover'); "
                + "the aliases are created at start when missing."),
        new StorageOption(MAX_SPAN_AGE, "72h", "How far back reads look in daily indices."),
        new StorageOption(TAGS_ALL, "false", "Store every non-binary tag in the tag object as well-typed fields."),
        new StorageOption(TAGS_FILE, "", "File with one tag key per line to store in the tag object."),
        new StorageOption(TAGS_DOT, "@", "Replaces dots in tag keys stored in the tag object."),
        new StorageOption(BULK_ACTIONS, "1000", "Most documents in one bulk request."),
        new StorageOption(BULK_SIZE, "5000000", "Most bytes in one bulk request."),
        new StorageOption(BULK_WORKERS, "2",
            "Most bulk requests in flight at once; further writes wait up to --es.bulk.max-wait, then fail (overload)."),
        new StorageOption(BULK_MAX_WAIT, "10s", "How long a write waits for a bulk slot before it fails as overloaded."),
        new StorageOption(MAX_DOC_COUNT, "10000", "Most services, operations or traces one search asks for."),
        new StorageOption(TIMEOUT, "30s", "Timeout of one request to the cluster."),
        new StorageOption(RETENTION, "0",
            "Delete span, service and dependency indices older than this (e.g. 7d or 168h) on a schedule; 0 keeps "
                + "them. Daily indices go by the date in their name, rollover indices by their creation date."),
        new StorageOption(ROLLOVER_MAX_AGE, "",
            "With --es.use-aliases: roll the write indices over once they are this old (e.g. 1d)."),
        new StorageOption(ROLLOVER_MAX_SIZE, "",
            "With --es.use-aliases: roll the write indices over once their primary shards hold this much (e.g. 50gb)."),
        new StorageOption(LIFECYCLE_INTERVAL, "5m", "How often retention and rollover conditions are checked."));
  }

  static EsConfig from(StorageSettings s) {
    List<URI> urls = new ArrayList<>();
    for (String part : s.getString(SERVER_URLS, "http://127.0.0.1:9200").split(",")) {
      String url = part.trim();
      if (url.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--" + SERVER_URLS + ": \"" + url + "\" is not a URL");
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("--" + SERVER_URLS + ": \"" + url
            + "\" (expected: http://host:port or https://host:port)");
      }
      urls.add(uri);
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException("--" + SERVER_URLS + ": empty (expected: at least one URL)");
    }
    int version = s.getInt(VERSION, 0);
    if (version != 0 && (version < 6 || version > 9)) {
      throw new IllegalArgumentException("--" + VERSION + ": " + version + " (expected: 0 to detect, or 6 to 9)");
    }
    String prefix = s.getString(INDEX_PREFIX, "");
    if (!prefix.isEmpty() && !prefix.matches("[a-z0-9][a-z0-9_.+-]*")) {
      throw new IllegalArgumentException("--" + INDEX_PREFIX + ": \"" + prefix
          + "\" (expected: lower-case letters, digits, '_', '.', '+', '-')");
    }
    Set<String> tagKeys = new LinkedHashSet<>();
    String tagsFile = s.getString(TAGS_FILE, "");
    if (!tagsFile.isEmpty()) {
      try {
        for (String line : Files.readAllLines(Path.of(tagsFile))) {
          if (!line.isBlank()) {
            tagKeys.add(line.trim());
          }
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("--" + TAGS_FILE + ": cannot read " + tagsFile + ": " + e.getMessage());
      }
    }
    String tlsCa = s.getString(TLS_CA, "");
    Duration retention = days(s, RETENTION, Duration.ZERO);
    String maxAge = s.getString(ROLLOVER_MAX_AGE, "");
    String maxSize = s.getString(ROLLOVER_MAX_SIZE, "");
    boolean useAliases = s.getBoolean(USE_ALIASES, false);
    if ((!maxAge.isEmpty() || !maxSize.isEmpty()) && !useAliases) {
      throw new IllegalArgumentException("--" + ROLLOVER_MAX_AGE + " / --" + ROLLOVER_MAX_SIZE
          + ": rollover needs --" + USE_ALIASES + "=true (daily indices roll over by date)");
    }
    if (!maxSize.isEmpty() && !maxSize.toLowerCase(java.util.Locale.ROOT).matches("[0-9]+(b|kb|mb|gb|tb|pb)")) {
      throw new IllegalArgumentException("--" + ROLLOVER_MAX_SIZE + ": \"" + maxSize + "\" (expected: e.g. 500mb, 50gb)");
    }
    EsConfig config = new EsConfig(urls,
        emptyToNull(s.getString(USERNAME, "")),
        emptyToNull(s.getString(PASSWORD, "")),
        s.getBoolean(TLS_ENABLED, false) || urls.stream().anyMatch(u -> "https".equals(u.getScheme())),
        tlsCa.isEmpty() ? null : Path.of(tlsCa),
        s.getBoolean(TLS_SKIP_HOST_VERIFY, false),
        version,
        prefix,
        s.getString(DATE_SEPARATOR, "-"),
        positive(NUM_SHARDS, s.getInt(NUM_SHARDS, 5)),
        atLeastZero(NUM_REPLICAS, s.getInt(NUM_REPLICAS, 1)),
        s.getBoolean(CREATE_TEMPLATES, true),
        useAliases,
        positive(MAX_SPAN_AGE, s.getDuration(MAX_SPAN_AGE, Duration.ofHours(72))),
        s.getBoolean(TAGS_ALL, false),
        tagKeys,
        s.getString(TAGS_DOT, "@"),
        positive(BULK_ACTIONS, s.getInt(BULK_ACTIONS, 1000)),
        positive(BULK_SIZE, s.getLong(BULK_SIZE, 5_000_000L)),
        positive(BULK_WORKERS, s.getInt(BULK_WORKERS, 2)),
        positive(BULK_MAX_WAIT, s.getDuration(BULK_MAX_WAIT, Duration.ofSeconds(10))),
        positive(MAX_DOC_COUNT, s.getInt(MAX_DOC_COUNT, 10_000)),
        positive(TIMEOUT, s.getDuration(TIMEOUT, Duration.ofSeconds(30))),
        atLeastZero(RETENTION, retention),
        maxAge.isEmpty() ? null : positive(ROLLOVER_MAX_AGE, days(s, ROLLOVER_MAX_AGE, Duration.ZERO)),
        maxSize.isEmpty() ? null : maxSize.toLowerCase(java.util.Locale.ROOT),
        positive(LIFECYCLE_INTERVAL, s.getDuration(LIFECYCLE_INTERVAL, Duration.ofMinutes(5))));
    if (config.tlsCa != null && !Files.isReadable(config.tlsCa)) {
      throw new IllegalArgumentException("--" + TLS_CA + ": cannot read " + config.tlsCa);
    }
    return config;
  }

  /** Whether the collector-side lifecycle has anything to do. */
  boolean hasLifecycle() {
    return !retention.isZero() || rolloverMaxAge != null || rolloverMaxSize != null;
  }

  /** A Go duration, or whole days as {@code 7d} (what operators write for retention). */
  static Duration days(StorageSettings s, String name, Duration defaultValue) {
    String v = s.getString(name, "");
    if (v.matches("[0-9]+d")) {
      return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
    }
    return s.getDuration(name, defaultValue);
  }

  private static @Nullable String emptyToNull(String s) {
    return s.isEmpty() ? null : s;
  }

  private static int positive(String name, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException("--" + name + ": " + v + " (expected: > 0)");
    }
    return v;
  }

  private static long positive(String name, long v) {
    if (v <= 0) {
      throw new IllegalArgumentException("--" + name + ": " + v + " (expected: > 0)");
    }
    return v;
  }

  private static int atLeastZero(String name, int v) {
    if (v < 0) {
      throw new IllegalArgumentException("--" + name + ": " + v + " (expected: >= 0)");
    }
    return v;
  }

  private static Duration positive(String name, Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("--" + name + ": " + d + " (expected: > 0)");
    }
    return d;
  }

  private static Duration atLeastZero(String name, Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("--" + name + ": " + d + " (expected: >= 0)");
    }
    return d;
  }
}
