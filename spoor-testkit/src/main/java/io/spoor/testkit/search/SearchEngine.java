package io.spoor.testkit.search;

import io.spoor.testkit.ServerJars.Artifact;
import java.util.ArrayList;
import java.util.List;

/**
 * A search engine the testkit can run as one embedded node: its core artifact plus the module plugins
 * a distribution would load from {@code modules/}, all from Maven Central.
 */
public enum SearchEngine {
  /**
   * OpenSearch 2.19.6 (2.19.7's module plugins are not on Maven Central) with transport-netty4,
   * analysis-common, mapper-extras, reindex, lang-painless, parent-join and aggs-matrix-stats.
   */
  OPENSEARCH("opensearch", "2.19.6", "org.opensearch", "org.opensearch.plugin",
      List.of("transport-netty4-client", "analysis-common", "mapper-extras-client", "reindex-client",
          "lang-painless", "parent-join-client", "aggs-matrix-stats-client"),
      List.of("org.opensearch.transport.Netty4Plugin",
          "org.opensearch.analysis.common.CommonAnalysisPlugin",
          "org.opensearch.index.mapper.MapperExtrasPlugin",
          "org.opensearch.index.reindex.ReindexPlugin",
          "org.opensearch.painless.PainlessPlugin",
          "org.opensearch.join.ParentJoinPlugin",
          "org.opensearch.search.aggregations.matrix.MatrixAggregationPlugin"),
      List.of("org.apache.logging.log4j:log4j-core:2.25.4", "org.apache.logging.log4j:log4j-api:2.25.4")),
  /**
   * Elasticsearch 7.17.29 without X-Pack. analysis-common and lang-painless are not published for 7.x,
   * so the node has no extra analyzers and no Painless scripts; Jaeger's layout needs neither.
   */
  ELASTICSEARCH("elasticsearch", "7.17.29", "org.elasticsearch", "org.elasticsearch.plugin",
      List.of("transport-netty4-client", "mapper-extras-client", "reindex-client", "parent-join-client",
          "aggs-matrix-stats-client"),
      List.of("org.elasticsearch.transport.Netty4Plugin",
          "org.elasticsearch.index.mapper.MapperExtrasPlugin",
          "org.elasticsearch.reindex.ReindexPlugin",
          "org.elasticsearch.join.ParentJoinPlugin",
          "org.elasticsearch.search.aggregations.matrix.MatrixAggregationPlugin"),
      List.of());

  private final String id;
  private final String version;
  private final String rootPackage;
  private final String pluginGroup;
  private final List<String> pluginArtifacts;
  private final List<String> pluginClasses;
  private final List<String> extraArtifacts;

  SearchEngine(String id, String version, String rootPackage, String pluginGroup, List<String> pluginArtifacts,
      List<String> pluginClasses, List<String> extraArtifacts) {
    this.id = id;
    this.version = version;
    this.rootPackage = rootPackage;
    this.pluginGroup = pluginGroup;
    this.pluginArtifacts = pluginArtifacts;
    this.pluginClasses = pluginClasses;
    this.extraArtifacts = extraArtifacts;
  }

  /** {@code opensearch} or {@code elasticsearch}. */
  public String id() {
    return id;
  }

  public String version() {
    return version;
  }

  /** The key of the jar cache folder. */
  String jarsKey() {
    return id + "-" + version + "-1";
  }

  List<Artifact> artifacts() {
    List<Artifact> out = new ArrayList<>();
    out.add(new Artifact(rootPackage, id, version));
    for (String p : pluginArtifacts) {
      out.add(new Artifact(pluginGroup, p, version));
    }
    extraArtifacts.forEach(a -> out.add(Artifact.parse(a)));
    return out;
  }

  String rootPackage() {
    return rootPackage;
  }

  List<String> pluginClasses() {
    return pluginClasses;
  }

  /** The system-property prefix of the engine ({@code opensearch.} or {@code es.}). */
  String propertyPrefix() {
    return this == OPENSEARCH ? "opensearch" : "es";
  }
}
