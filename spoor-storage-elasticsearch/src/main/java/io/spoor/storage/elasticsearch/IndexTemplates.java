package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spoor.storage.elasticsearch.IndexNames.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Jaeger's index templates for spans, services and dependencies, in the form the cluster takes:
 * legacy {@code PUT _template/<name>} ({@code index_patterns}, {@code settings}, {@code mappings},
 * {@code aliases} at the top) for Elasticsearch 6/7 and OpenSearch, composable {@code PUT
 * _index_template/<name>} (the same under {@code template}, with a {@code priority}) for Elasticsearch
 * 8+. In alias mode the template adds each new index to the read alias, so rolled-over indices are
 * read at once.
 */
final class IndexTemplates {
  private static final String KEYWORD = "{\"type\":\"keyword\",\"ignore_above\":256}";
  private static final String NESTED_KV = "{\"type\":\"nested\",\"dynamic\":false,\"properties\":{"
      + "\"key\":" + KEYWORD + ",\"value\":" + KEYWORD + ",\"type\":" + KEYWORD + "}}";
  private static final String SPAN_MAPPINGS = """
      {"dynamic_templates":[
        {"span_tags_map":{"mapping":KW,"path_match":"tag.*"}},
        {"process_tags_map":{"mapping":KW,"path_match":"process.tag.*"}},
        {"scope_tags_map":{"mapping":KW,"path_match":"scopeTag.*"}}],
       "properties":{
        "traceID":KW,"parentSpanID":KW,"spanID":KW,"operationName":KW,
        "startTime":{"type":"long"},
        "startTimeMillis":{"type":"date","format":"epoch_millis"},
        "duration":{"type":"long"},
        "flags":{"type":"integer"},
        "logs":{"type":"nested","dynamic":false,"properties":{"timestamp":{"type":"long"},"fields":NKV}},
        "process":{"properties":{"serviceName":KW,"tag":{"type":"object"},"tags":NKV}},
        "references":{"type":"nested","dynamic":false,"properties":{
          "refType":KW,"traceID":KW,"spanID":KW,"flags":{"type":"integer"},"traceState":KW,"tags":NKV}},
        "tag":{"type":"object"},
        "tags":NKV,
        "scopeTag":{"type":"object"},
        "scopeTags":NKV}}
      """.replace("NKV", NESTED_KV).replace("KW", KEYWORD);
  private static final String SERVICE_MAPPINGS = """
      {"dynamic_templates":[
        {"span_tags_map":{"mapping":KW,"path_match":"tag.*"}},
        {"process_tags_map":{"mapping":KW,"path_match":"process.tag.*"}}],
       "properties":{"serviceName":KW,"operationName":KW}}
      """.replace("KW", KEYWORD);

  private final IndexNames names;
  private final int shards;
  private final int replicas;

  IndexTemplates(IndexNames names, int shards, int replicas) {
    this.names = names;
    this.shards = shards;
    this.replicas = replicas;
  }

  /** The template's name: {@code [prefix-]jaeger-span}. */
  String name(Kind kind) {
    String base = names.base(kind);
    return base.substring(0, base.length() - 1);
  }

  /** The API path that stores the template of {@code kind}. */
  String path(Kind kind, ClusterVersion version) {
    return (version.composableTemplates() ? "/_index_template/" : "/_template/") + name(kind);
  }

  ObjectNode body(Kind kind, ClusterVersion version) {
    ObjectNode settings = EsClient.JSON.createObjectNode();
    settings.put("index.number_of_shards", shards);
    settings.put("index.number_of_replicas", replicas);
    settings.put("index.mapping.nested_fields.limit", 50);
    settings.put("index.requests.cache.enable", true);
    JsonNode mappings = parse(switch (kind) {
      case SPAN -> SPAN_MAPPINGS;
      case SERVICE -> SERVICE_MAPPINGS;
      case DEPENDENCIES -> "{}";
    });
    ObjectNode template = EsClient.JSON.createObjectNode();
    template.set("settings", settings);
    template.set("mappings", mappings);
    if (names.aliases()) {
      template.putObject("aliases").putObject(names.readAlias(kind));
    }
    ObjectNode body = EsClient.JSON.createObjectNode();
    if (version.composableTemplates()) {
      body.putArray("index_patterns").add(names.wildcard(kind));
      body.put("priority", 500 + kind.ordinal()); // Jaeger: span 500, service 501, dependencies 502
      body.set("template", template);
    } else {
      // Jaeger's legacy templates match with a leading wildcard
      body.put("index_patterns", "*" + names.wildcard(kind));
      if (version.major() < 7 && !version.openSearch()) {
        template.set("mappings", EsClient.JSON.createObjectNode().set("_doc", mappings));
      }
      body.setAll(template);
    }
    return body;
  }

  /** Creates or replaces the three templates. */
  void put(EsClient client, ClusterVersion version) {
    for (Kind kind : Kind.values()) {
      client.request("PUT", path(kind, version), body(kind, version));
    }
  }

  private static JsonNode parse(String json) {
    try {
      return EsClient.JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
