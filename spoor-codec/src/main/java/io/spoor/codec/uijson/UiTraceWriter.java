package io.spoor.codec.uijson;

import com.fasterxml.jackson.core.JsonGenerator;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a {@link Trace} as the Jaeger UI JSON, field for field what Jaeger's query service sends
 * ({@code internal/uimodel}):
 *
 * <pre>{@code
 * {"traceID":"…","spans":[{"traceID","spanID","flags"?,"operationName","references","startTime",
 *   "duration","tags","logs","processID","warnings"}],"processes":{"p1":{"serviceName","tags"}},
 *  "warnings":null|[…]}
 * }</pre>
 *
 * <p>Ids are lower-case hex (a trace id with a zero high half in 16 characters, else 32); times and
 * durations are integer microseconds (a negative duration is written as 0); {@code flags} is left out
 * when 0; lists are {@code []} when empty except {@code warnings}, which is {@code null}; tag types are
 * {@code string}, {@code bool}, {@code int64}, {@code float64}, {@code binary}; an int64 beyond
 * ±(2<sup>53</sup>−1) is a JSON string so JavaScript does not round it; binary is standard base64.
 * Equal processes (service and tags) share one id {@code p1..pN}, numbered in span order. Spans are
 * written in the order of {@link Trace#spans()}: ordering, de-duplication and clock-skew adjustment
 * belong to the caller.
 *
 * <p>Stateless and thread-safe.
 */
public final class UiTraceWriter {
  /** The largest integer JavaScript represents exactly: 2^53 − 1. */
  static final long JS_MAX_SAFE_INTEGER = (1L << 53) - 1;

  private UiTraceWriter() {}

  /** The trace as compact UTF-8 JSON. */
  public static byte[] toJsonBytes(Trace trace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try (JsonGenerator g = UiJson.newGenerator(out, UiJson.Layout.COMPACT)) {
      write(trace, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The trace as compact JSON text. */
  public static String toJson(Trace trace) {
    return new String(toJsonBytes(trace), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Writes the trace as one JSON object; does not flush or close {@code g}. */
  public static void write(Trace trace, JsonGenerator g) throws IOException {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(g, "g");
    ProcessTable processes = ProcessTable.of(trace.spans());
    g.writeStartObject();
    g.writeStringField("traceID", trace.traceId().toHex());
    g.writeArrayFieldStart("spans");
    List<Span> spans = trace.spans();
    for (int i = 0; i < spans.size(); i++) {
      writeSpan(spans.get(i), processes.idOfSpan(i), g);
    }
    g.writeEndArray();
    g.writeObjectFieldStart("processes");
    for (Map.Entry<String, Process> entry : processes.sortedById()) {
      g.writeFieldName(entry.getKey());
      writeProcess(entry.getValue(), g);
    }
    g.writeEndObject();
    writeWarnings(trace.warnings(), g);
    g.writeEndObject();
  }

  private static void writeSpan(Span span, String processId, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("traceID", span.traceId().toHex());
    g.writeStringField("spanID", span.spanId().toHex());
    if (span.flags() != 0) {
      g.writeNumberField("flags", Integer.toUnsignedLong(span.flags()));
    }
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
    g.writeNumberField("startTime", span.startTimeMicros());
    g.writeNumberField("duration", Math.max(0, span.durationMicros()));
    writeKeyValues("tags", span.tags(), g);
    g.writeArrayFieldStart("logs");
    for (Log log : span.logs()) {
      g.writeStartObject();
      g.writeNumberField("timestamp", Math.floorDiv(log.timestampNanos(), 1000L));
      writeKeyValues("fields", log.fields(), g);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("processID", processId);
    writeWarnings(span.warnings(), g);
    g.writeEndObject();
  }

  private static void writeProcess(Process process, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("serviceName", process.serviceName());
    writeKeyValues("tags", process.tags(), g);
    g.writeEndObject();
  }

  private static void writeWarnings(List<String> warnings, JsonGenerator g) throws IOException {
    g.writeFieldName("warnings");
    if (warnings.isEmpty()) {
      g.writeNull();
      return;
    }
    g.writeStartArray();
    for (String warning : warnings) {
      g.writeString(warning);
    }
    g.writeEndArray();
  }

  private static void writeKeyValues(String field, List<KeyValue> keyValues, JsonGenerator g)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (KeyValue kv : keyValues) {
      writeKeyValue(kv, g);
    }
    g.writeEndArray();
  }

  /** {@code {"key","type","value"}} with the value's JSON type following {@code type}. */
  static void writeKeyValue(KeyValue kv, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("key", kv.key());
    g.writeStringField("type", kv.type().jsonName());
    g.writeFieldName("value");
    switch (kv.type()) {
      case STRING:
        g.writeString(kv.stringValue());
        break;
      case BOOL:
        g.writeBoolean(kv.boolValue());
        break;
      case INT64:
        long v = kv.longValue();
        if (v > JS_MAX_SAFE_INTEGER || v < -JS_MAX_SAFE_INTEGER) {
          g.writeString(Long.toString(v));
        } else {
          g.writeNumber(v);
        }
        break;
      case FLOAT64:
        double d = kv.doubleValue();
        if (GoFloatFormat.isFinite(d)) {
          g.writeNumber(GoFloatFormat.format(d));
        } else {
          g.writeString(GoFloatFormat.nonFinite(d));
        }
        break;
      case BINARY:
        g.writeString(Base64.getEncoder().encodeToString(kv.binaryValue()));
        break;
      default:
        throw new AssertionError(kv.type());
    }
    g.writeEndObject();
  }
}
