package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spoor.model.DependencyLink;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.elasticsearch.IndexNames.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jaeger's dependency documents, one per batch-job run: {@code {"timestamp": RFC 3339, "dependencies":
 * [{"parent", "child", "callCount", "source"}]}} in {@code jaeger-dependencies-YYYY-MM-DD} (or its write
 * alias); reads sum the call counts of each (parent, child) pair over the window.
 */
final class EsDependencyStore implements DependencyStore {
  private final EsClient client;
  private final IndexNames names;
  private final int maxDocCount;

  EsDependencyStore(EsClient client, IndexNames names, int maxDocCount) {
    this.client = client;
    this.names = names;
    this.maxDocCount = maxDocCount;
  }

  @Override
  public void writeDependencies(Instant timestamp, List<DependencyLink> links) {
    ObjectNode doc = SearchQueries.object();
    doc.put("timestamp", timestamp.toString());
    ArrayNode list = doc.putArray("dependencies");
    for (DependencyLink link : links) {
      ObjectNode l = list.addObject().put("parent", link.parent()).put("child", link.child())
          .put("callCount", link.callCount());
      if (!link.source().isEmpty()) {
        l.put("source", link.source());
      }
    }
    client.request("POST", "/" + names.writeIndex(Kind.DEPENDENCIES, timestamp.toEpochMilli()) + "/_doc", doc);
  }

  @Override
  public List<DependencyLink> getDependencies(Instant end, Duration lookback) {
    Instant start = end.minus(lookback);
    ObjectNode body = SearchQueries.object();
    body.put("size", maxDocCount);
    ObjectNode range = body.putObject("query").putObject("range").putObject("timestamp");
    range.put("gte", start.toString()).put("lte", end.toString()).put("format", "strict_date_optional_time");
    JsonNode answer = client.request("POST", "/" + names.readIndices(Kind.DEPENDENCIES, start.toEpochMilli(),
        end.toEpochMilli()) + "/_search?ignore_unavailable=true&allow_no_indices=true", body);
    Map<String, Map<String, Long>> sums = new TreeMap<>();
    for (JsonNode hit : answer.path("hits").path("hits")) {
      for (JsonNode link : hit.path("_source").path("dependencies")) {
        sums.computeIfAbsent(link.path("parent").asText(), p -> new TreeMap<>())
            .merge(link.path("child").asText(), link.path("callCount").asLong(), Long::sum);
      }
    }
    List<DependencyLink> out = new ArrayList<>();
    sums.forEach((parent, children) -> children.forEach(
        (child, count) -> out.add(DependencyLink.of(parent, child, count))));
    return out;
  }
}
