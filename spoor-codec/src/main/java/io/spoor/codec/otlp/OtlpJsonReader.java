package io.spoor.codec.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.spoor.codec.DecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Reads the OTLP/HTTP JSON encoding of {@code ExportTraceServiceRequest} (same shape as {@code
 * TracesData}) into the protobuf messages, streaming with jackson-core. It follows the OTLP JSON rules
 * rather than plain proto3 JSON: ids are hex, enums are integers (names accepted too), 64-bit integers
 * are strings or numbers, bytes are base64, field names are camelCase (snake_case accepted) and unknown
 * fields are skipped. Errors name the JSON path of the bad value.
 */
final class OtlpJsonReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  private final JsonParser p;
  private final JsonPath path = new JsonPath();

  private OtlpJsonReader(JsonParser parser) {
    this.p = parser;
  }

  static ExportTraceServiceRequest read(InputStream in) {
    try (JsonParser parser = JSON.createParser(in)) {
      return new OtlpJsonReader(parser).readRequest();
    } catch (JsonProcessingException e) {
      throw new DecodeException("OTLP JSON: malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DecodeException("OTLP JSON: cannot read the body: " + e.getMessage(), e);
    }
  }

  static ExportTraceServiceRequest read(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      return new OtlpJsonReader(parser).readRequest();
    } catch (JsonProcessingException e) {
      throw new DecodeException("OTLP JSON: malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DecodeException("OTLP JSON: cannot read the body: " + e.getMessage(), e);
    }
  }

  /** Field names compared without underscores and case, so camelCase and snake_case both match. */
  private static String normalize(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  private ExportTraceServiceRequest readRequest() throws IOException {
    ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
    if (p.nextToken() == null) {
      throw fail("empty body (expected: a JSON object)");
    }
    readObject(name -> {
      if (name.equals("resourcespans")) {
        readArray(() -> b.addResourceSpans(readResourceSpans()));
        return true;
      }
      return false;
    });
    if (p.nextToken() != null) {
      throw fail("unexpected content after the top-level object");
    }
    return b.build();
  }

  private ResourceSpans readResourceSpans() throws IOException {
    ResourceSpans.Builder b = ResourceSpans.newBuilder();
    readObject(name -> {
      switch (name) {
        case "resource":
          b.setResource(readResource());
          return true;
        case "scopespans":
          readArray(() -> b.addScopeSpans(readScopeSpans()));
          return true;
        case "schemaurl":
          b.setSchemaUrl(readString());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Resource readResource() throws IOException {
    Resource.Builder b = Resource.newBuilder();
    readObject(name -> {
      switch (name) {
        case "attributes":
          readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(readUint32());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private ScopeSpans readScopeSpans() throws IOException {
    ScopeSpans.Builder b = ScopeSpans.newBuilder();
    readObject(name -> {
      switch (name) {
        case "scope":
          b.setScope(readScope());
          return true;
        case "spans":
          readArray(() -> b.addSpans(readSpan()));
          return true;
        case "schemaurl":
          b.setSchemaUrl(readString());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private InstrumentationScope readScope() throws IOException {
    InstrumentationScope.Builder b = InstrumentationScope.newBuilder();
    readObject(name -> {
      switch (name) {
        case "name":
          b.setName(readString());
          return true;
        case "version":
          b.setVersion(readString());
          return true;
        case "attributes":
          readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(readUint32());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Span readSpan() throws IOException {
    Span.Builder b = Span.newBuilder();
    readObject(name -> {
      switch (name) {
        case "traceid":
          b.setTraceId(readId(16));
          return true;
        case "spanid":
          b.setSpanId(readId(8));
          return true;
        case "parentspanid":
          b.setParentSpanId(readId(8));
          return true;
        case "tracestate":
          b.setTraceState(readString());
          return true;
        case "flags":
          b.setFlags(readUint32());
          return true;
        case "name":
          b.setName(readString());
          return true;
        case "kind":
          b.setKindValue(readEnum(OtlpJsonReader::spanKindNumber, "a span kind"));
          return true;
        case "starttimeunixnano":
          b.setStartTimeUnixNano(readUint64());
          return true;
        case "endtimeunixnano":
          b.setEndTimeUnixNano(readUint64());
          return true;
        case "attributes":
          readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(readUint32());
          return true;
        case "events":
          readArray(() -> b.addEvents(readEvent()));
          return true;
        case "droppedeventscount":
          b.setDroppedEventsCount(readUint32());
          return true;
        case "links":
          readArray(() -> b.addLinks(readLink()));
          return true;
        case "droppedlinkscount":
          b.setDroppedLinksCount(readUint32());
          return true;
        case "status":
          b.setStatus(readStatus());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Span.Event readEvent() throws IOException {
    Span.Event.Builder b = Span.Event.newBuilder();
    readObject(name -> {
      switch (name) {
        case "timeunixnano":
          b.setTimeUnixNano(readUint64());
          return true;
        case "name":
          b.setName(readString());
          return true;
        case "attributes":
          readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(readUint32());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Span.Link readLink() throws IOException {
    Span.Link.Builder b = Span.Link.newBuilder();
    readObject(name -> {
      switch (name) {
        case "traceid":
          b.setTraceId(readId(16));
          return true;
        case "spanid":
          b.setSpanId(readId(8));
          return true;
        case "tracestate":
          b.setTraceState(readString());
          return true;
        case "attributes":
          readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(readUint32());
          return true;
        case "flags":
          b.setFlags(readUint32());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Status readStatus() throws IOException {
    Status.Builder b = Status.newBuilder();
    readObject(name -> {
      switch (name) {
        case "message":
          b.setMessage(readString());
          return true;
        case "code":
          b.setCodeValue(readEnum(OtlpJsonReader::statusCodeNumber, "a status code"));
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private KeyValue readKeyValue() throws IOException {
    KeyValue.Builder b = KeyValue.newBuilder();
    readObject(name -> {
      switch (name) {
        case "key":
          b.setKey(readString());
          return true;
        case "value":
          b.setValue(readAnyValue());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private AnyValue readAnyValue() throws IOException {
    AnyValue.Builder b = AnyValue.newBuilder();
    readObject(name -> {
      switch (name) {
        case "stringvalue":
          b.setStringValue(readString());
          return true;
        case "boolvalue":
          b.setBoolValue(readBool());
          return true;
        case "intvalue":
          b.setIntValue(readInt64());
          return true;
        case "doublevalue":
          b.setDoubleValue(readDouble());
          return true;
        case "bytesvalue":
          b.setBytesValue(readBase64());
          return true;
        case "arrayvalue":
          ArrayValue.Builder array = ArrayValue.newBuilder();
          readObject(inner -> {
            if (inner.equals("values")) {
              readArray(() -> array.addValues(readAnyValue()));
              return true;
            }
            return false;
          });
          b.setArrayValue(array);
          return true;
        case "kvlistvalue":
          KeyValueList.Builder list = KeyValueList.newBuilder();
          readObject(inner -> {
            if (inner.equals("values")) {
              readArray(() -> list.addValues(readKeyValue()));
              return true;
            }
            return false;
          });
          b.setKvlistValue(list);
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  // ---- structure

  /** A field handler: reads the value of a known (normalized) field name, or returns false. */
  private interface FieldReader {
    boolean read(String normalizedName) throws IOException;
  }

  private interface ElementReader {
    void read() throws IOException;
  }

  /** Reads the object at the current token; null stands for an empty object, as in proto3 JSON. */
  private void readObject(FieldReader fields) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw fail(describe() + " (expected: an object)");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      path.push(name);
      JsonToken value = p.nextToken();
      if (value == JsonToken.VALUE_NULL || !fields.read(normalize(name))) {
        p.skipChildren(); // unknown fields and nulls are ignored
      }
      path.pop();
    }
  }

  private void readArray(ElementReader element) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw fail(describe() + " (expected: an array)");
    }
    int index = 0;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      path.pushIndex(index++);
      element.read();
      path.pop();
    }
  }

  // ---- scalars

  private String readString() throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw fail(describe() + " (expected: a string)");
    }
    return p.getText();
  }

  private boolean readBool() throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    throw fail(describe() + " (expected: true or false)");
  }

  private long readUint64() throws IOException {
    String text = integerText("an unsigned 64-bit integer");
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw fail(describe() + " (expected: an unsigned 64-bit integer)");
    }
  }

  private long readInt64() throws IOException {
    String text = integerText("a 64-bit integer");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw fail(describe() + " (expected: a 64-bit integer)");
    }
  }

  private int readUint32() throws IOException {
    String text = integerText("an unsigned 32-bit integer");
    try {
      long v = Long.parseLong(text);
      if (v < 0 || v > 0xFFFF_FFFFL) {
        throw fail(describe() + " (expected: an unsigned 32-bit integer)");
      }
      return (int) v;
    } catch (NumberFormatException e) {
      throw fail(describe() + " (expected: an unsigned 32-bit integer)");
    }
  }

  /** The digits of an integer written as a JSON number or a string (also {@code 1.0}, {@code 1e3}). */
  private String integerText(String expected) throws IOException {
    JsonToken t = p.currentToken();
    String text;
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_STRING) {
      text = p.getText().trim();
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      text = p.getText();
    } else {
      throw fail(describe() + " (expected: " + expected + ")");
    }
    if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      try {
        return new java.math.BigDecimal(text).toBigIntegerExact().toString();
      } catch (ArithmeticException | NumberFormatException e) {
        throw fail(describe() + " (expected: " + expected + ")");
      }
    }
    return text;
  }

  private double readDouble() throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDoubleValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      String text = p.getText();
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
            throw fail(describe() + " (expected: a number)");
          }
      }
    }
    throw fail(describe() + " (expected: a number)");
  }

  private ByteString readBase64() throws IOException {
    String text = readString();
    try {
      return ByteString.copyFrom(java.util.Base64.getDecoder().decode(text));
    } catch (IllegalArgumentException e) {
      try {
        return ByteString.copyFrom(java.util.Base64.getUrlDecoder().decode(text));
      } catch (IllegalArgumentException e2) {
        throw fail(describe() + " (expected: base64)");
      }
    }
  }

  /** A hex id of exactly {@code size} bytes; the empty string stands for "no id". */
  private ByteString readId(int size) throws IOException {
    String text = readString();
    if (text.isEmpty()) {
      return ByteString.EMPTY;
    }
    if (text.length() != size * 2) {
      throw fail(describe() + " (expected: " + size * 2 + " hex digits)");
    }
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) {
      int hi = Character.digit(text.charAt(2 * i), 16);
      int lo = Character.digit(text.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw fail(describe() + " (expected: " + size * 2 + " hex digits)");
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return ByteString.copyFrom(out);
  }

  private interface EnumNames {
    int number(String name);
  }

  private int readEnum(EnumNames names, String expected) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getIntValue();
    }
    if (t == JsonToken.VALUE_STRING) {
      int n = names.number(p.getText());
      if (n >= 0) {
        return n;
      }
    }
    throw fail(describe() + " (expected: " + expected + ", as an integer or its enum name)");
  }

  private static int spanKindNumber(String name) {
    for (Span.SpanKind kind : Span.SpanKind.values()) {
      if (kind != Span.SpanKind.UNRECOGNIZED && kind.name().equals(name)) {
        return kind.getNumber();
      }
    }
    return -1;
  }

  private static int statusCodeNumber(String name) {
    for (Status.StatusCode code : Status.StatusCode.values()) {
      if (code != Status.StatusCode.UNRECOGNIZED && code.name().equals(name)) {
        return code.getNumber();
      }
    }
    return -1;
  }

  // ---- errors

  /** The current value as it appears in the input, for error messages. */
  private String describe() throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "nothing";
    }
    switch (t) {
      case VALUE_STRING:
        String text = p.getText();
        return "\"" + (text.length() > 64 ? text.substring(0, 64) + "..." : text) + "\"";
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      default:
        return p.getText();
    }
  }

  private DecodeException fail(String problem) {
    String where = path.toString();
    return new DecodeException("OTLP JSON: " + (where.isEmpty() ? "" : where + ": ") + problem);
  }

  /** The path to the current value, e.g. {@code resourceSpans[0].scopeSpans[1].spans[3].traceId}. */
  private static final class JsonPath {
    private final List<Object> segments = new java.util.ArrayList<>();

    void push(String field) {
      segments.add(field);
    }

    void pushIndex(int index) {
      segments.add(index);
    }

    void pop() {
      segments.remove(segments.size() - 1);
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      for (Object s : segments) {
        if (s instanceof Integer) {
          out.append('[').append(s).append(']');
        } else {
          if (out.length() > 0) {
            out.append('.');
          }
          out.append(s);
        }
      }
      return out.toString();
    }
  }
}
