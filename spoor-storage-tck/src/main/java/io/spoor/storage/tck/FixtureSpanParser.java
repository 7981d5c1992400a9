package io.spoor.storage.tck;

import com.fasterxml.jackson.databind.JsonNode;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.storage.GoDuration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads a span of the v1 {@code jaeger.api_v2} JSON (gogo jsonpb) that Jaeger's fixtures use. It
 * accepts both what the fixtures write and the canonical proto3 JSON: durations {@code "5000ns"} or
 * {@code "0.000005s"}, {@code vInt64} as a number or a string, enums by name or number, and an
 * omitted {@code vType} (STRING, the zero value).
 */
final class FixtureSpanParser {
  private FixtureSpanParser() {}

  static Span parseSpan(JsonNode json) {
    TraceId traceId = traceId(json.path("traceId"));
    Span.Builder span = Span.newBuilder()
        .traceId(traceId)
        .spanId(spanId(json.path("spanId")))
        .operationName(json.path("operationName").asText(""))
        .flags(json.path("flags").asInt(0))
        .startTimeNanos(timestamp(json.path("startTime"), "startTime"))
        .durationNanos(duration(json.path("duration")))
        .tags(keyValues(json.path("tags")))
        .process(process(json.path("process")));
    for (JsonNode ref : json.path("references")) {
      span.addReference(new SpanRef(refType(ref.path("refType")), traceId(ref.path("traceId")),
          spanId(ref.path("spanId"))));
    }
    for (JsonNode log : json.path("logs")) {
      span.addLog(new Log(timestamp(log.path("timestamp"), "log timestamp"), keyValues(log.path("fields"))));
    }
    for (JsonNode warning : json.path("warnings")) {
      span.addWarning(warning.asText());
    }
    return span.build();
  }

  private static TraceId traceId(JsonNode json) {
    return TraceId.fromBytes(base64(json, "traceId"));
  }

  private static SpanId spanId(JsonNode json) {
    return SpanId.fromBytes(base64(json, "spanId"));
  }

  private static byte[] base64(JsonNode json, String field) {
    if (!json.isTextual()) {
      throw new IllegalArgumentException(field + ": " + json + " (expected: a base64 string)");
    }
    try {
      return Base64.getDecoder().decode(json.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": \"" + json.asText() + "\" (expected: base64)", e);
    }
  }

  private static RefType refType(JsonNode json) {
    if (json.isMissingNode() || json.isNull()) {
      return RefType.CHILD_OF;
    }
    if (json.isInt()) {
      return RefType.values()[checkedOrdinal(json.asInt(), RefType.values().length, "refType")];
    }
    try {
      return RefType.valueOf(json.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "refType: " + json + " (expected: CHILD_OF or FOLLOWS_FROM)", e);
    }
  }

  private static long timestamp(JsonNode json, String field) {
    try {
      Instant instant = Instant.parse(json.asText());
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException(
          field + ": " + json + " (expected: RFC 3339 in UTC, e.g. 2017-01-26T16:46:31.639875Z)", e);
    }
  }

  private static long duration(JsonNode json) {
    if (json.isMissingNode() || json.isNull()) {
      return 0;
    }
    try {
      return GoDuration.parse(json.asText()).toNanos();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("duration: " + e.getMessage(), e);
    }
  }

  private static Process process(JsonNode json) {
    if (!json.isObject()) {
      throw new IllegalArgumentException("process: " + json + " (expected: {serviceName, tags})");
    }
    return new Process(json.path("serviceName").asText(""), keyValues(json.path("tags")));
  }

  private static List<KeyValue> keyValues(JsonNode json) {
    List<KeyValue> out = new ArrayList<>(json.size());
    for (JsonNode kv : json) {
      out.add(keyValue(kv));
    }
    return out;
  }

  private static KeyValue keyValue(JsonNode json) {
    String key = json.path("key").asText("");
    JsonNode type = json.path("vType");
    String typeName = type.isMissingNode() || type.isNull() ? "STRING"
        : type.isInt() ? String.valueOf(type.asInt()) : type.asText();
    switch (typeName) {
      case "STRING":
      case "0":
        return KeyValue.of(key, json.path("vStr").asText(""));
      case "BOOL":
      case "1":
        return KeyValue.of(key, json.path("vBool").asBoolean(false));
      case "INT64":
      case "2":
        return KeyValue.of(key, int64(json.path("vInt64"), key));
      case "FLOAT64":
      case "3":
        return KeyValue.of(key, float64(json.path("vFloat64"), key));
      case "BINARY":
      case "4":
        return KeyValue.ofBinary(key, json.has("vBinary") ? base64(json.path("vBinary"), "vBinary") : new byte[0]);
      default:
        throw new IllegalArgumentException("tag " + key + ": vType " + type
            + " (expected: STRING, BOOL, INT64, FLOAT64 or BINARY)");
    }
  }

  private static long int64(JsonNode json, String key) {
    if (json.isMissingNode() || json.isNull()) {
      return 0;
    }
    if (json.isIntegralNumber() && json.canConvertToLong()) {
      return json.asLong();
    }
    try {
      return Long.parseLong(json.asText());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tag " + key + ": vInt64 " + json
          + " (expected: a 64-bit integer, as a number or a string)", e);
    }
  }

  private static double float64(JsonNode json, String key) {
    if (json.isMissingNode() || json.isNull()) {
      return 0;
    }
    if (json.isNumber()) {
      return json.asDouble();
    }
    String text = json.asText();
    switch (text) {
      case "NaN":
        return Double.NaN;
      case "Infinity":
        return Double.POSITIVE_INFINITY;
      case "-Infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("tag " + key + ": vFloat64 " + json
              + " (expected: a number, or a string such as \"NaN\")", e);
        }
    }
  }

  private static int checkedOrdinal(int value, int count, String field) {
    if (value < 0 || value >= count) {
      throw new IllegalArgumentException(field + ": " + value + " (expected: 0 to " + (count - 1) + ")");
    }
    return value;
  }
}
