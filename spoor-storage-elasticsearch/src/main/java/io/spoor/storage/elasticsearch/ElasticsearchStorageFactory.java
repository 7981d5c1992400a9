package io.spoor.storage.elasticsearch;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The {@code elasticsearch} backend ({@code SPAN_STORAGE_TYPE=elasticsearch}): Elasticsearch 7/8 (and
 * OpenSearch, which {@link OpenSearchStorageFactory} names) with Jaeger's index layout, so Jaeger and
 * Spoor read each other's indices. Options have Jaeger's names ({@code --es.server-urls}, {@code
 * --es.index-prefix}, {@code --es.use-aliases}, ...), see {@code docs/storage-elasticsearch.md}.
 */
public class ElasticsearchStorageFactory implements StorageFactory {
  @Override
  public String name() {
    return "elasticsearch";
  }

  @Override
  public List<StorageOption> options() {
    return EsConfig.options();
  }

  /** @throws IllegalArgumentException naming the option, its value and what was expected */
  @Override
  public Storage create(StorageSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new ElasticsearchStorage(name(), EsConfig.from(settings), Clock.systemUTC());
  }
}
