package io.spoor.codec.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;

/**
 * Writes {@code TracesData} / {@code ExportTraceServiceRequest} (the same JSON shape) in the OTLP/HTTP
 * JSON encoding: lowerCamelCase names, hex ids, enums as integers, 64-bit integers as strings, bytes in
 * base64, and fields with default values left out.
 */
final class OtlpJsonWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonGenerator g;

  private OtlpJsonWriter(JsonGenerator generator) {
    this.g = generator;
  }

  static void write(List<ResourceSpans> resourceSpans, OutputStream out) throws IOException {
    try (JsonGenerator generator = JSON.createGenerator(out)) {
      OtlpJsonWriter writer = new OtlpJsonWriter(generator);
      generator.writeStartObject();
      generator.writeArrayFieldStart("resourceSpans");
      for (ResourceSpans rs : resourceSpans) {
        writer.writeResourceSpans(rs);
      }
      generator.writeEndArray();
      generator.writeEndObject();
    }
  }

  private void writeResourceSpans(ResourceSpans rs) throws IOException {
    g.writeStartObject();
    if (rs.hasResource()) {
      writeResource(rs.getResource());
    }
    if (rs.getScopeSpansCount() > 0) {
      g.writeArrayFieldStart("scopeSpans");
      for (ScopeSpans ss : rs.getScopeSpansList()) {
        writeScopeSpans(ss);
      }
      g.writeEndArray();
    }
    stringField("schemaUrl", rs.getSchemaUrl());
    g.writeEndObject();
  }

  private void writeResource(Resource r) throws IOException {
    g.writeObjectFieldStart("resource");
    attributes(r.getAttributesList());
    uintField("droppedAttributesCount", r.getDroppedAttributesCount());
    g.writeEndObject();
  }

  private void writeScopeSpans(ScopeSpans ss) throws IOException {
    g.writeStartObject();
    if (ss.hasScope()) {
      InstrumentationScope scope = ss.getScope();
      g.writeObjectFieldStart("scope");
      stringField("name", scope.getName());
      stringField("version", scope.getVersion());
      attributes(scope.getAttributesList());
      uintField("droppedAttributesCount", scope.getDroppedAttributesCount());
      g.writeEndObject();
    }
    if (ss.getSpansCount() > 0) {
      g.writeArrayFieldStart("spans");
      for (Span span : ss.getSpansList()) {
        writeSpan(span);
      }
      g.writeEndArray();
    }
    stringField("schemaUrl", ss.getSchemaUrl());
    g.writeEndObject();
  }

  private void writeSpan(Span s) throws IOException {
    g.writeStartObject();
    idField("traceId", s.getTraceId());
    idField("spanId", s.getSpanId());
    stringField("traceState", s.getTraceState());
    idField("parentSpanId", s.getParentSpanId());
    uintField("flags", s.getFlags());
    stringField("name", s.getName());
    if (s.getKindValue() != 0) {
      g.writeNumberField("kind", s.getKindValue());
    }
    fixed64Field("startTimeUnixNano", s.getStartTimeUnixNano());
    fixed64Field("endTimeUnixNano", s.getEndTimeUnixNano());
    attributes(s.getAttributesList());
    uintField("droppedAttributesCount", s.getDroppedAttributesCount());
    if (s.getEventsCount() > 0) {
      g.writeArrayFieldStart("events");
      for (Span.Event e : s.getEventsList()) {
        g.writeStartObject();
        fixed64Field("timeUnixNano", e.getTimeUnixNano());
        stringField("name", e.getName());
        attributes(e.getAttributesList());
        uintField("droppedAttributesCount", e.getDroppedAttributesCount());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    uintField("droppedEventsCount", s.getDroppedEventsCount());
    if (s.getLinksCount() > 0) {
      g.writeArrayFieldStart("links");
      for (Span.Link l : s.getLinksList()) {
        g.writeStartObject();
        idField("traceId", l.getTraceId());
        idField("spanId", l.getSpanId());
        stringField("traceState", l.getTraceState());
        attributes(l.getAttributesList());
        uintField("droppedAttributesCount", l.getDroppedAttributesCount());
        uintField("flags", l.getFlags());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    uintField("droppedLinksCount", s.getDroppedLinksCount());
    if (s.hasStatus()) {
      Status status = s.getStatus();
      g.writeObjectFieldStart("status");
      stringField("message", status.getMessage());
      if (status.getCodeValue() != 0) {
        g.writeNumberField("code", status.getCodeValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private void attributes(List<KeyValue> attributes) throws IOException {
    if (attributes.isEmpty()) {
      return;
    }
    g.writeArrayFieldStart("attributes");
    keyValues(attributes);
    g.writeEndArray();
  }

  private void keyValues(List<KeyValue> values) throws IOException {
    for (KeyValue kv : values) {
      g.writeStartObject();
      g.writeStringField("key", kv.getKey());
      if (kv.hasValue()) {
        g.writeFieldName("value");
        anyValue(kv.getValue());
      }
      g.writeEndObject();
    }
  }

  private void anyValue(AnyValue v) throws IOException {
    g.writeStartObject();
    switch (v.getValueCase()) {
      case STRING_VALUE:
        g.writeStringField("stringValue", v.getStringValue());
        break;
      case BOOL_VALUE:
        g.writeBooleanField("boolValue", v.getBoolValue());
        break;
      case INT_VALUE:
        g.writeStringField("intValue", Long.toString(v.getIntValue()));
        break;
      case DOUBLE_VALUE:
        double d = v.getDoubleValue();
        if (Double.isNaN(d)) {
          g.writeStringField("doubleValue", "NaN");
        } else if (Double.isInfinite(d)) {
          g.writeStringField("doubleValue", d > 0 ? "Infinity" : "-Infinity");
        } else {
          g.writeNumberField("doubleValue", d);
        }
        break;
      case BYTES_VALUE:
        g.writeStringField("bytesValue",
            Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
        break;
      case ARRAY_VALUE:
        g.writeObjectFieldStart("arrayValue");
        g.writeArrayFieldStart("values");
        for (AnyValue element : v.getArrayValue().getValuesList()) {
          anyValue(element);
        }
        g.writeEndArray();
        g.writeEndObject();
        break;
      case KVLIST_VALUE:
        g.writeObjectFieldStart("kvlistValue");
        g.writeArrayFieldStart("values");
        keyValues(v.getKvlistValue().getValuesList());
        g.writeEndArray();
        g.writeEndObject();
        break;
      default:
        break; // an empty value is an empty object
    }
    g.writeEndObject();
  }

  private void idField(String name, ByteString id) throws IOException {
    if (id.isEmpty()) {
      return;
    }
    StringBuilder hex = new StringBuilder(id.size() * 2);
    for (int i = 0; i < id.size(); i++) {
      int b = id.byteAt(i) & 0xff;
      hex.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    g.writeStringField(name, hex.toString());
  }

  private void stringField(String name, String value) throws IOException {
    if (!value.isEmpty()) {
      g.writeStringField(name, value);
    }
  }

  private void uintField(String name, int value) throws IOException {
    if (value != 0) {
      g.writeNumberField(name, Integer.toUnsignedLong(value));
    }
  }

  private void fixed64Field(String name, long value) throws IOException {
    if (value != 0) {
      g.writeStringField(name, Long.toUnsignedString(value));
    }
  }
}
