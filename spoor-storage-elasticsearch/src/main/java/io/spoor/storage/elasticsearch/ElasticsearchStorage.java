package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.storage.elasticsearch.IndexNames.Kind;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spans, services and dependencies in an Elasticsearch or OpenSearch cluster, in Jaeger's layout.
 * {@link #start()} checks the cluster (reachable, authenticated, the Jaeger indices not red), detects
 * its version, puts the index templates and, in alias mode, creates the first rollover indices; with
 * {@code --es.retention} or rollover conditions it starts one thread ({@code spoor-es-lifecycle}) that
 * applies them every {@code --es.lifecycle.interval}.
 */
final class ElasticsearchStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchStorage.class);
  private static final long HEALTH_CACHE_MILLIS = 2_000;
  private static final java.time.Duration HEALTH_TIMEOUT = java.time.Duration.ofSeconds(3);

  private final String name;
  private final EsConfig config;
  private final Clock clock;
  private final IndexNames names;
  private final EsMetrics metrics = new EsMetrics();
  private @Nullable EsClient client;
  private @Nullable EsSpanWriter writer;
  private @Nullable EsSpanReader reader;
  private @Nullable EsDependencyStore dependencies;
  private @Nullable IndexLifecycle lifecycle;
  private @Nullable ScheduledExecutorService scheduler;
  private @Nullable ClusterVersion version;
  private volatile HealthStatus health = HealthStatus.unhealthy("not started");
  private volatile long healthCheckedAt;
  private boolean closed;

  ElasticsearchStorage(String name, EsConfig config, Clock clock) {
    this.name = name;
    this.config = config;
    this.clock = clock;
    this.names = IndexNames.of(config);
  }

  @Override
  public synchronized void start() {
    if (client != null) {
      return;
    }
    EsClient c = new EsClient(config);
    try {
      ClusterVersion detected = ClusterVersion.of(c.request("GET", "/", (String) null));
      version = config.version() == 0 ? detected : ClusterVersion.configured(config.version());
      HealthStatus indices = indexHealth(c);
      if (!indices.healthy()) {
        throw new StorageException(indices.reason());
      }
      if (config.createIndexTemplates()) {
        new IndexTemplates(names, config.numShards(), config.numReplicas()).put(c, version);
      }
      IndexLifecycle l = new IndexLifecycle(c, names, clock, metrics);
      if (config.useAliases()) {
        List<String> created = l.initAliases();
        if (!created.isEmpty()) {
          LOG.info("created rollover indices {}", created);
        }
      }
      SpanDocuments documents = SpanDocuments.of(config);
      writer = new EsSpanWriter(c, names, documents, config, metrics, clock);
      reader = new EsSpanReader(c, names, documents, config, metrics, clock);
      dependencies = new EsDependencyStore(c, names, config.maxDocCount());
      lifecycle = l;
      client = c;
      health = HealthStatus.OK;
      healthCheckedAt = System.nanoTime();
      LOG.info("{} storage on {} at {}, indices {}jaeger-*{}", name, detected, config.serverUrls(),
          names.prefix(), config.useAliases() ? " (read/write aliases)" : " (daily)");
      if (config.hasLifecycle()) {
        startLifecycle();
      }
    } catch (RuntimeException e) {
      c.close();
      throw e instanceof StorageException ? e : new StorageException(name + ": " + e.getMessage(), e);
    }
  }

  private void startLifecycle() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "spoor-es-lifecycle");
      t.setDaemon(true);
      return t;
    });
    long period = config.lifecycleInterval().toMillis();
    scheduler.scheduleWithFixedDelay(this::applyLifecycle, 0, period, TimeUnit.MILLISECONDS);
  }

  /** One pass of retention and rollover; failures are counted and logged, the next pass tries again. */
  void applyLifecycle() {
    IndexLifecycle l = lifecycle;
    if (l == null) {
      return;
    }
    try {
      if (config.useAliases() && (config.rolloverMaxAge() != null || config.rolloverMaxSize() != null)) {
        String maxAge = config.rolloverMaxAge() == null ? null : config.rolloverMaxAge().toSeconds() + "s";
        if (!l.rollover(maxAge, config.rolloverMaxSize()).isEmpty() && writer != null) {
          writer.forgetServices();
        }
      }
      if (!config.retention().isZero()) {
        l.deleteOlderThan(config.retention());
      }
    } catch (RuntimeException e) {
      metrics.lifecycleFailures.increment();
      LOG.warn("index lifecycle pass failed (retried in {}): {}", config.lifecycleInterval(), e.getMessage());
    }
  }

  private HealthStatus indexHealth(EsClient c) {
    JsonNode h = c.request("GET", "/_cluster/health/" + names.prefix() + "jaeger-*", HEALTH_TIMEOUT);
    if ("red".equals(h.path("status").asText())) {
      return HealthStatus.unhealthy("the Jaeger indices " + names.prefix() + "jaeger-* are red on the cluster at "
          + config.serverUrls() + ": " + h.path("unassigned_shards").asInt() + " unassigned shards, "
          + h.path("active_primary_shards").asInt() + " active primaries (see GET _cluster/allocation/explain)");
    }
    return HealthStatus.OK;
  }

  private <T> T started(@Nullable T part) {
    if (part == null) {
      throw new IllegalStateException(name + " storage: not started (expected: start() first)");
    }
    return part;
  }

  @Override
  public SpanWriter spanWriter() {
    return started(writer);
  }

  @Override
  public SpanReader spanReader() {
    return started(reader);
  }

  @Override
  public DependencyStore dependencyStore() {
    return started(dependencies);
  }

  /**
   * Searches evaluate any service, tags with durations and the extra operators; operations have a
   * kind only when asked for one (service documents carry none); dependencies come from a batch job.
   */
  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.SEARCH_WITHOUT_SERVICE, Capability.TAGS_WITH_DURATION,
        Capability.EXTENDED_TAG_OPERATORS);
  }

  @Override
  public HealthStatus check() {
    EsClient c = client;
    if (c == null) {
      return HealthStatus.unhealthy(closed ? "closed" : "not started");
    }
    long now = System.nanoTime();
    if (now - healthCheckedAt < TimeUnit.MILLISECONDS.toNanos(HEALTH_CACHE_MILLIS)) {
      return health;
    }
    HealthStatus h;
    try {
      h = indexHealth(c);
    } catch (RuntimeException e) {
      h = HealthStatus.unhealthy(e.getMessage() == null ? e.toString() : e.getMessage());
    }
    health = h;
    healthCheckedAt = now;
    return h;
  }

  @Override
  public Map<String, Double> metrics() {
    EsSpanWriter w = writer;
    return metrics.snapshot(() -> w == null ? 0 : w.inFlight());
  }

  /**
   * Deletes every index of this prefix (daily mode) or every document behind the read aliases (alias
   * mode, which keeps the aliases), and forgets the written service documents.
   */
  @Override
  public void purge() {
    EsClient c = started(client);
    if (config.useAliases()) {
      for (Kind kind : Kind.values()) {
        // delete-by-query sees only refreshed documents: refresh first, or recent writes survive
        c.request("POST", "/" + names.readAlias(kind) + "/_refresh?ignore_unavailable=true", (String) null);
        ObjectNode all = SearchQueries.object();
        all.putObject("query").putObject("match_all");
        c.request("POST", "/" + names.readAlias(kind) + "/_delete_by_query?refresh=true&conflicts=proceed"
            + "&ignore_unavailable=true", all);
      }
    } else {
      List<IndexLifecycle.Index> indices = started(lifecycle).jaegerIndices();
      for (int i = 0; i < indices.size(); i += 50) {
        List<String> chunk = indices.subList(i, Math.min(indices.size(), i + 50)).stream()
            .map(IndexLifecycle.Index::name).toList();
        c.request("DELETE", "/" + String.join(",", chunk) + "?ignore_unavailable=true", (String) null);
      }
    }
    writer = new EsSpanWriter(c, names, SpanDocuments.of(config), config, metrics, clock);
  }

  EsConfig config() {
    return config;
  }

  @Nullable ClusterVersion version() {
    return version;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
