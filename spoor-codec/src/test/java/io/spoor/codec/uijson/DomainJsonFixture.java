package io.spoor.codec.uijson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Test-side reader of Jaeger's v1 domain JSON (the {@code jaeger.api_v2} protobuf JSON form described
 * in shared/conformance/README.md): base64 ids, RFC 3339 times, {@code "5000ns"} durations, {@code
 * vType}/{@code vStr}... tags. Only what the fixtures use.
 */
final class DomainJsonFixture {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DomainJsonFixture() {}

  static JsonNode tree(String resource) throws IOException {
    try (InputStream in = DomainJsonFixture.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      return MAPPER.readTree(in);
    }
  }

  static Trace readTrace(String resource) throws IOException {
    JsonNode root = tree(resource);
    List<Span> spans = new ArrayList<>();
    for (JsonNode s : root.path("spans")) {
      spans.add(span(s));
    }
    return new Trace(spans, strings(root.path("warnings")));
  }

  private static Span span(JsonNode s) {
    Span.Builder b = Span.newBuilder()
        .traceId(TraceId.fromBytes(Base64.getDecoder().decode(s.get("traceId").asText())))
        .spanId(SpanId.fromBytes(Base64.getDecoder().decode(s.get("spanId").asText())))
        .operationName(s.path("operationName").asText(""))
        .flags(s.path("flags").asInt(0))
        .startTimeNanos(epochNanos(s.get("startTime").asText()))
        .durationNanos(durationNanos(s.get("duration").asText()))
        .tags(keyValues(s.path("tags")))
        .warnings(strings(s.path("warnings")));
    for (JsonNode r : s.path("references")) {
      RefType type = RefType.valueOf(r.path("refType").asText("CHILD_OF"));
      b.addReference(new SpanRef(type,
          TraceId.fromBytes(Base64.getDecoder().decode(r.get("traceId").asText())),
          SpanId.fromBytes(Base64.getDecoder().decode(r.get("spanId").asText()))));
    }
    for (JsonNode l : s.path("logs")) {
      b.addLog(new Log(epochNanos(l.get("timestamp").asText()), keyValues(l.path("fields"))));
    }
    JsonNode p = s.get("process");
    b.process(new Process(p.get("serviceName").asText(), keyValues(p.path("tags"))));
    return b.build();
  }

  private static List<KeyValue> keyValues(JsonNode list) {
    List<KeyValue> out = new ArrayList<>();
    for (JsonNode kv : list) {
      String key = kv.get("key").asText();
      switch (kv.path("vType").asText("STRING")) {
        case "STRING":
          out.add(KeyValue.of(key, kv.path("vStr").asText("")));
          break;
        case "BOOL":
          out.add(KeyValue.of(key, kv.path("vBool").asBoolean(false)));
          break;
        case "INT64":
          // A JSON number in the fixtures, a string in canonical proto3 JSON: both parse as text.
          out.add(KeyValue.of(key, Long.parseLong(kv.path("vInt64").asText("0"))));
          break;
        case "FLOAT64":
          out.add(KeyValue.of(key, kv.path("vFloat64").asDouble(0)));
          break;
        case "BINARY":
          out.add(KeyValue.ofBinary(key, Base64.getDecoder().decode(kv.path("vBinary").asText(""))));
          break;
        default:
          throw new IllegalArgumentException("vType: " + kv.get("vType"));
      }
    }
    return out;
  }

  private static List<String> strings(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode s : list) {
      out.add(s.asText());
    }
    return out;
  }

  private static long epochNanos(String rfc3339) {
    OffsetDateTime t = OffsetDateTime.parse(rfc3339);
    return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000_000L), t.getNano());
  }

  /** {@code "5000ns"} as the fixtures write it, or proto3's {@code "0.000005s"}. */
  private static long durationNanos(String text) {
    if (text.endsWith("ns")) {
      return Long.parseLong(text.substring(0, text.length() - 2));
    }
    if (text.endsWith("s")) {
      return new java.math.BigDecimal(text.substring(0, text.length() - 1))
          .movePointRight(9).longValueExact();
    }
    throw new IllegalArgumentException("duration: " + text);
  }
}
