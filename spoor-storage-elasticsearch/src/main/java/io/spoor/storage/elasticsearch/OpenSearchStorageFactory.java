package io.spoor.storage.elasticsearch;

/**
 * The {@code opensearch} backend ({@code SPAN_STORAGE_TYPE=opensearch}): the same storage and options
 * as {@code elasticsearch} ({@code --es.*}, as in Jaeger), for OpenSearch 1.x/2.x clusters.
 */
public final class OpenSearchStorageFactory extends ElasticsearchStorageFactory {
  @Override
  public String name() {
    return "opensearch";
  }
}
