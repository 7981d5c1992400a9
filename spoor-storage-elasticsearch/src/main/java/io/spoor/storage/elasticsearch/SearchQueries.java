package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spoor.model.TraceId;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.util.Collection;

/**
 * The query DSL for span searches, after Jaeger's reader: every criterion is a filter on one span
 * document; a tag criterion is met by the nested {@code tags}, {@code process.tags} or {@code
 * logs.fields} (key and value), or by the {@code tag}/{@code process.tag} object fields when the key
 * may be stored as a field. Values compare as keywords, which is how every value is indexed. {@code
 * =~} uses the cluster's regular expressions (Lucene syntax, whole-value match, no operator flags).
 */
final class SearchQueries {
  private final SpanDocuments documents;

  SearchQueries(SpanDocuments documents) {
    this.documents = documents;
  }

  static ObjectNode object() {
    return EsClient.JSON.createObjectNode();
  }

  static ObjectNode term(String field, String value) {
    ObjectNode q = object();
    q.putObject("term").put(field, value);
    return q;
  }

  static ObjectNode range(String field, long gte, long lte) {
    ObjectNode q = object();
    ObjectNode r = q.putObject("range").putObject(field);
    if (gte != Long.MIN_VALUE) {
      r.put("gte", gte);
    }
    if (lte != Long.MAX_VALUE) {
      r.put("lte", lte);
    }
    return q;
  }

  /** The bool query a matching span must satisfy. */
  ObjectNode spanQuery(TraceQuery query) {
    ObjectNode root = object();
    ObjectNode bool = root.putObject("bool");
    ArrayNode filter = bool.putArray("filter");
    ArrayNode mustNot = bool.putArray("must_not");
    if (query.serviceName() != null) {
      filter.add(term("process.serviceName", query.serviceName()));
    }
    if (query.operationName() != null) {
      filter.add(term("operationName", query.operationName()));
    }
    long minMicros = query.startTimeMinNanos() == Long.MIN_VALUE ? Long.MIN_VALUE
        : Math.floorDiv(query.startTimeMinNanos() + 999, 1000);
    long maxMicros = query.startTimeMaxNanos() == Long.MAX_VALUE ? Long.MAX_VALUE
        : Math.floorDiv(query.startTimeMaxNanos(), 1000);
    if (minMicros != Long.MIN_VALUE || maxMicros != Long.MAX_VALUE) {
      filter.add(range("startTime", minMicros, maxMicros));
    }
    if (query.hasDurationBounds()) {
      long min = query.durationMinNanos() == 0 ? Long.MIN_VALUE : Math.floorDiv(query.durationMinNanos() + 999, 1000);
      long max = query.durationMaxNanos() == Long.MAX_VALUE ? Long.MAX_VALUE
          : Math.floorDiv(query.durationMaxNanos(), 1000);
      filter.add(range("duration", min, max));
    }
    for (TagFilter tag : query.tags()) {
      if (tag.operator() == TagFilter.Operator.NOT_EQUALS) {
        mustNot.add(anyTag(tag.key(), TagFilter.Operator.EQUALS, tag.value()));
      } else {
        filter.add(anyTag(tag.key(), tag.operator(), tag.value()));
      }
    }
    return root;
  }

  /** Some tag, process tag or log field {@code key} satisfies {@code operator value}. */
  ObjectNode anyTag(String key, TagFilter.Operator operator, String value) {
    ObjectNode root = object();
    ObjectNode bool = root.putObject("bool");
    ArrayNode should = bool.putArray("should");
    for (String path : new String[] {"tags", "process.tags", "logs.fields"}) {
      ObjectNode nested = object();
      ObjectNode n = nested.putObject("nested");
      n.put("path", path);
      ObjectNode inner = n.putObject("query").putObject("bool");
      ArrayNode must = inner.putArray("filter");
      must.add(term(path + ".key", key));
      if (operator != TagFilter.Operator.EXISTS) {
        must.add(valueQuery(path + ".value", operator, value));
      }
      should.add(nested);
    }
    if (documents.mayBeField(key)) {
      for (String object : new String[] {"tag.", "process.tag."}) {
        String field = object + documents.fieldName(key);
        if (operator == TagFilter.Operator.EXISTS) {
          ObjectNode exists = object();
          exists.putObject("exists").put("field", field);
          should.add(exists);
        } else {
          should.add(valueQuery(field, operator, value));
        }
      }
    }
    bool.put("minimum_should_match", 1);
    return root;
  }

  private static ObjectNode valueQuery(String field, TagFilter.Operator operator, String value) {
    if (operator == TagFilter.Operator.REGEX) {
      ObjectNode q = object();
      q.putObject("regexp").putObject(field).put("value", value).put("flags", "NONE");
      return q;
    }
    return term(field, value);
  }

  /** Spans of these traces, also where the id was stored without leading zeros (old Jaeger writers). */
  static ObjectNode traceIds(Collection<TraceId> ids) {
    ObjectNode root = object();
    ArrayNode values = root.putObject("terms").putArray("traceID");
    for (TraceId id : ids) {
      String hex = id.toHex();
      values.add(hex);
      String trimmed = hex.replaceFirst("^0+", "");
      if (!trimmed.equals(hex) && !trimmed.isEmpty()) {
        values.add(trimmed);
      }
    }
    return root;
  }
}
