package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the cluster is, from {@code GET /}: Elasticsearch of a major version, or OpenSearch. It decides
 * the template API: legacy {@code _template} for Elasticsearch 6/7 and OpenSearch (as Jaeger does),
 * composable {@code _index_template} for Elasticsearch 8 and later.
 */
record ClusterVersion(boolean openSearch, int major, String number) {
  static ClusterVersion of(JsonNode root) {
    JsonNode version = root.path("version");
    String number = version.path("number").asText("");
    boolean openSearch = "opensearch".equals(version.path("distribution").asText(""));
    int major;
    try {
      major = Integer.parseInt(number.substring(0, number.indexOf('.')));
    } catch (RuntimeException e) {
      throw new IllegalStateException("the cluster did not report its version (GET / gave " + root + ")");
    }
    return new ClusterVersion(openSearch, major, number);
  }

  /** A configured Elasticsearch major version ({@code --es.version}). */
  static ClusterVersion configured(int major) {
    return new ClusterVersion(false, major, major + ".x");
  }

  boolean composableTemplates() {
    return !openSearch && major >= 8;
  }

  @Override
  public String toString() {
    return (openSearch ? "OpenSearch " : "Elasticsearch ") + number;
  }
}
