package io.spoor.server;

import io.spoor.storage.StorageSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The cluster and index naming options of the {@code spoor es} commands: the same {@code --es.*}
 * names (and environment variables) as the elasticsearch/opensearch storage, so one configuration
 * serves the collector, the query service and the maintenance commands.
 */
final class EsConnectionOptions {
  @Option(names = "--es.server-urls", paramLabel = "<urls>", defaultValue = "http://127.0.0.1:9200",
      description = "Comma-separated URLs of the cluster's nodes. Default: ${DEFAULT-VALUE}.")
  String serverUrls;

  @Option(names = "--es.username", paramLabel = "<user>", description = "User for HTTP basic authentication.")
  String username;

  @Option(names = "--es.password", paramLabel = "<password>", description = "Password for HTTP basic authentication.")
  String password;

  @Option(names = "--es.tls.enabled", paramLabel = "<bool>", defaultValue = "false",
      description = "Use TLS (also implied by https:// URLs). Default: ${DEFAULT-VALUE}.")
  String tlsEnabled;

  @Option(names = "--es.tls.ca", paramLabel = "<file>", description = "PEM file of the CA certificates to trust.")
  String tlsCa;

  @Option(names = "--es.tls.skip-host-verify", paramLabel = "<bool>", defaultValue = "false",
      description = "Trust any server certificate (tests only). Default: ${DEFAULT-VALUE}.")
  String tlsSkipHostVerify;

  @Option(names = "--es.index-prefix", paramLabel = "<prefix>", defaultValue = "",
      description = "Prefix of the Jaeger indices: \"prod\" for prod-jaeger-span-*.")
  String indexPrefix;

  @Option(names = "--es.index-date-separator", paramLabel = "<sep>", defaultValue = "-",
      description = "Separator of the date parts in daily index names. Default: ${DEFAULT-VALUE}.")
  String dateSeparator;

  @Option(names = "--es.num-shards", paramLabel = "<n>", defaultValue = "5",
      description = "Primary shards of new indices (rollover init). Default: ${DEFAULT-VALUE}.")
  String shards;

  @Option(names = "--es.num-replicas", paramLabel = "<n>", defaultValue = "1",
      description = "Replicas of new indices (rollover init). Default: ${DEFAULT-VALUE}.")
  String replicas;

  @Option(names = "--es.version", paramLabel = "<major>", defaultValue = "0",
      description = "Elasticsearch major version for the template format; 0 detects it. Default: ${DEFAULT-VALUE}.")
  String version;

  @Option(names = "--es.timeout", paramLabel = "<duration>", defaultValue = "30s",
      description = "Timeout of one request. Default: ${DEFAULT-VALUE}.")
  String timeout;

  StorageSettings settings() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("es.server-urls", serverUrls);
    put(values, "es.username", username);
    put(values, "es.password", password);
    values.put("es.tls.enabled", tlsEnabled);
    put(values, "es.tls.ca", tlsCa);
    values.put("es.tls.skip-host-verify", tlsSkipHostVerify);
    values.put("es.index-prefix", indexPrefix);
    values.put("es.index-date-separator", dateSeparator);
    values.put("es.num-shards", shards);
    values.put("es.num-replicas", replicas);
    values.put("es.version", version);
    values.put("es.timeout", timeout);
    return StorageSettings.of(values);
  }

  private static void put(Map<String, String> values, String name, String value) {
    if (value != null && !value.isEmpty()) {
      values.put(name, value);
    }
  }
}
