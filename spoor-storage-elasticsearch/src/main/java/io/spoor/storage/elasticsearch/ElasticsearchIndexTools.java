package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The index operations behind {@code spoor es index-cleaner} and {@code spoor es rollover}, with the
 * semantics of Jaeger's {@code es-index-cleaner} and {@code es-rollover}, on the cluster and prefix the
 * {@code --es.*} options name. Each call is a few REST requests; nothing runs in the background.
 */
public final class ElasticsearchIndexTools implements AutoCloseable {
  private final EsConfig config;
  private final EsClient client;
  private final IndexNames aliasNames;
  private final IndexLifecycle lifecycle;

  private ElasticsearchIndexTools(EsConfig config, Clock clock) {
    this.config = config;
    this.client = new EsClient(config);
    this.aliasNames = new IndexNames(config.indexPrefix(), config.dateSeparator(), true);
    this.lifecycle = new IndexLifecycle(client, aliasNames, clock, new EsMetrics());
  }

  /**
   * Tools for the cluster of {@code settings}; no I/O yet.
   *
   * @throws IllegalArgumentException naming a bad option
   */
  public static ElasticsearchIndexTools create(StorageSettings settings) {
    return new ElasticsearchIndexTools(EsConfig.from(Objects.requireNonNull(settings, "settings")),
        Clock.systemUTC());
  }

  /** With another clock, for tests. */
  static ElasticsearchIndexTools create(StorageSettings settings, Clock clock) {
    return new ElasticsearchIndexTools(EsConfig.from(settings), clock);
  }

  /** The {@code --es.*} options the tools read (the backend's). */
  public static List<StorageOption> options() {
    return EsConfig.options();
  }

  /**
   * Jaeger's es-index-cleaner: deletes the Jaeger indices created before midnight UTC tomorrow minus
   * {@code days} days; daily indices by default, {@code jaeger-*-NNNNNN} rollover indices with {@code
   * rollover}; never an index behind a write alias.
   *
   * @return the deleted indices, sorted
   */
  public List<String> cleanIndices(int days, boolean rollover) {
    if (days < 0) {
      throw new IllegalArgumentException("days: " + days + " (expected: >= 0)");
    }
    return lifecycle.cleanLikeJaeger(days, rollover, config.dateSeparator());
  }

  /**
   * Jaeger's {@code es-rollover init}: puts the index templates (with the read alias) and creates
   * {@code jaeger-span-000001}, {@code jaeger-service-000001} and {@code jaeger-dependencies-000001}
   * behind their read and write aliases where the write alias is missing.
   *
   * @return the indices created
   */
  public List<String> init() {
    ClusterVersion version = config.version() == 0
        ? ClusterVersion.of(client.request("GET", "/", (String) null))
        : ClusterVersion.configured(config.version());
    new IndexTemplates(aliasNames, config.numShards(), config.numReplicas()).put(client, version);
    return lifecycle.initAliases();
  }

  /**
   * Jaeger's {@code es-rollover rollover}: rolls each write alias over when one of the conditions holds.
   *
   * @param conditions JSON such as {@code {"max_age": "2d"}} (Jaeger's default); {@code {}} rolls over
   *     unconditionally
   * @return the new indices
   */
  public List<String> rollover(String conditions) {
    JsonNode parsed;
    try {
      parsed = EsClient.JSON.readTree(conditions);
    } catch (IOException e) {
      throw new IllegalArgumentException("conditions: \"" + conditions + "\" is not JSON (expected: e.g. "
          + "{\"max_age\": \"2d\"})");
    }
    if (!(parsed instanceof ObjectNode)) {
      throw new IllegalArgumentException("conditions: \"" + conditions + "\" (expected: a JSON object)");
    }
    return lifecycle.rollover((ObjectNode) parsed);
  }

  /**
   * Jaeger's {@code es-rollover lookback}: removes the indices created more than {@code age} ago from
   * the read aliases (the write index stays).
   *
   * @return the indices removed from a read alias
   */
  public List<String> lookback(Duration age) {
    return lifecycle.lookback(age);
  }

  @Override
  public void close() {
    client.close();
  }
}
