package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Span ⇄ Jaeger's span document, as Jaeger's v1 Elasticsearch writer and reader do it: ids as hex
 * ({@code traceID} 16 or 32 characters), {@code startTime} and {@code duration} in microseconds plus
 * {@code startTimeMillis}, nested {@code tags}/{@code process.tags}/{@code logs.fields} as {@code {key,
 * type, value}} with the value as text (Jaeger's {@code AsString}: floats with 10 significant digits,
 * binary as hex), and, for tags stored as fields, the {@code tag}/{@code process.tag} objects keyed by
 * the tag key with dots replaced, holding the typed value (never binary).
 *
 * <p>Reading accepts what other Jaeger versions wrote too: typed values in the nested tags, a {@code
 * parentSpanID} without the matching reference, trace ids without leading zeros. Span warnings have no
 * field in Jaeger's layout and are not stored.
 */
final class SpanDocuments {
  private final boolean allTagsAsFields;
  private final Set<String> tagsAsFields;
  private final String dotReplacement;

  SpanDocuments(boolean allTagsAsFields, Set<String> tagsAsFields, String dotReplacement) {
    this.allTagsAsFields = allTagsAsFields;
    this.tagsAsFields = tagsAsFields;
    this.dotReplacement = dotReplacement;
  }

  static SpanDocuments of(EsConfig config) {
    return new SpanDocuments(config.allTagsAsFields(), config.tagsAsFields(), config.dotReplacement());
  }

  void write(Span span, JsonGenerator g) throws IOException {
    long startMicros = span.startTimeMicros();
    g.writeStartObject();
    g.writeStringField("traceID", span.traceId().toHex());
    g.writeStringField("spanID", span.spanId().toHex());
    g.writeNumberField("flags", span.flags());
    g.writeStringField("operationName", span.operationName());
    g.writeArrayFieldStart("references");
    for (SpanRef ref : span.references()) {
      g.writeStartObject();
      g.writeStringField("refType", ref.type() == RefType.FOLLOWS_FROM ? "FOLLOWS_FROM" : "CHILD_OF");
      g.writeStringField("traceID", ref.traceId().toHex());
      g.writeStringField("spanID", ref.spanId().toHex());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("startTime", startMicros);
    g.writeNumberField("startTimeMillis", Math.floorDiv(startMicros, 1000));
    g.writeNumberField("duration", span.durationMicros());
    writeTags(span.tags(), g);
    g.writeArrayFieldStart("logs");
    for (Log log : span.logs()) {
      g.writeStartObject();
      g.writeNumberField("timestamp", Math.floorDiv(log.timestampNanos(), 1000));
      g.writeArrayFieldStart("fields");
      for (KeyValue kv : log.fields()) {
        writeKeyValue(kv, g);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("process");
    g.writeStringField("serviceName", span.process().serviceName());
    writeTags(span.process().tags(), g);
    g.writeEndObject();
    g.writeEndObject();
  }

  private void writeTags(List<KeyValue> tags, JsonGenerator g) throws IOException {
    List<KeyValue> asFields = null;
    g.writeArrayFieldStart("tags");
    for (KeyValue kv : tags) {
      if (isField(kv)) {
        if (asFields == null) {
          asFields = new ArrayList<>();
        }
        asFields.add(kv);
      } else {
        writeKeyValue(kv, g);
      }
    }
    g.writeEndArray();
    if (asFields != null) {
      g.writeObjectFieldStart("tag");
      for (KeyValue kv : asFields) {
        g.writeFieldName(fieldName(kv.key()));
        switch (kv.type()) {
          case BOOL -> g.writeBoolean(kv.boolValue());
          case INT64 -> g.writeNumber(kv.longValue());
          case FLOAT64 -> g.writeNumber(kv.doubleValue());
          default -> g.writeString(kv.stringValue());
        }
      }
      g.writeEndObject();
    }
  }

  /** Whether the tag goes into the {@code tag} object rather than the nested {@code tags}. */
  boolean isField(KeyValue kv) {
    return kv.type() != io.spoor.model.ValueType.BINARY && (allTagsAsFields || tagsAsFields.contains(kv.key()));
  }

  /** Whether searches must also look at {@code tag.<key>}. */
  boolean mayBeField(String key) {
    return allTagsAsFields || tagsAsFields.contains(key);
  }

  String fieldName(String key) {
    return key.replace(".", dotReplacement);
  }

  private static void writeKeyValue(KeyValue kv, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("key", kv.key());
    g.writeStringField("type", kv.type().jsonName());
    g.writeStringField("value", kv.valueAsString());
    g.writeEndObject();
  }

  Span read(JsonNode doc) {
    TraceId traceId = TraceId.parse(text(doc, "traceID"));
    Span.Builder span = Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.parse(text(doc, "spanID")))
        .operationName(doc.path("operationName").asText(""))
        .flags(doc.path("flags").asInt(0))
        .startTimeMicros(doc.path("startTime").asLong())
        .durationMicros(doc.path("duration").asLong());
    List<SpanRef> refs = new ArrayList<>();
    for (JsonNode ref : doc.path("references")) {
      TraceId refTrace = TraceId.parse(text(ref, "traceID"));
      SpanId refSpan = SpanId.parse(text(ref, "spanID"));
      refs.add("FOLLOWS_FROM".equals(ref.path("refType").asText())
          ? SpanRef.followsFrom(refTrace, refSpan) : SpanRef.childOf(refTrace, refSpan));
    }
    String parent = doc.path("parentSpanID").asText("");
    if (!parent.isEmpty()) {
      SpanId parentId = SpanId.parse(parent);
      boolean known = refs.stream().anyMatch(r -> r.spanId().equals(parentId) && r.traceId().equals(traceId));
      if (!parentId.isZero() && !known) {
        refs.add(0, SpanRef.childOf(traceId, parentId));
      }
    }
    span.references(refs);
    span.tags(readTags(doc));
    List<Log> logs = new ArrayList<>();
    for (JsonNode log : doc.path("logs")) {
      List<KeyValue> fields = new ArrayList<>();
      for (JsonNode kv : log.path("fields")) {
        fields.add(readKeyValue(kv));
      }
      logs.add(new Log(log.path("timestamp").asLong() * 1000, fields));
    }
    span.logs(logs);
    JsonNode process = doc.path("process");
    span.process(new Process(process.path("serviceName").asText(""), readTags(process)));
    return span.build();
  }

  private List<KeyValue> readTags(JsonNode parent) {
    List<KeyValue> tags = new ArrayList<>();
    for (JsonNode kv : parent.path("tags")) {
      tags.add(readKeyValue(kv));
    }
    Iterator<Map.Entry<String, JsonNode>> fields = parent.path("tag").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String key = dotReplacement.isEmpty() ? e.getKey() : e.getKey().replace(dotReplacement, ".");
      JsonNode v = e.getValue();
      if (v.isBoolean()) {
        tags.add(KeyValue.of(key, v.booleanValue()));
      } else if (v.isIntegralNumber()) {
        tags.add(KeyValue.of(key, v.longValue()));
      } else if (v.isNumber()) {
        tags.add(KeyValue.of(key, v.doubleValue()));
      } else {
        tags.add(KeyValue.of(key, v.asText()));
      }
    }
    return tags;
  }

  private static KeyValue readKeyValue(JsonNode kv) {
    String key = kv.path("key").asText();
    JsonNode value = kv.path("value");
    String text = value.asText();
    switch (kv.path("type").asText("string")) {
      case "bool":
        return KeyValue.of(key, value.isBoolean() ? value.booleanValue() : Boolean.parseBoolean(text));
      case "int64":
        return KeyValue.of(key, value.isNumber() ? value.longValue() : Long.parseLong(text));
      case "float64":
        return KeyValue.of(key, value.isNumber() ? value.doubleValue() : Double.parseDouble(text));
      case "binary":
        return KeyValue.ofBinary(key, HexFormat.of().parseHex(text));
      default:
        return KeyValue.of(key, text);
    }
  }

  private static String text(JsonNode doc, String field) {
    JsonNode v = doc.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("span document without " + field + ": " + doc);
    }
    return v.asText();
  }
}
