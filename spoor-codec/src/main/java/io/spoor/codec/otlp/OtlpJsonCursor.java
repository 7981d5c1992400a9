package io.spoor.codec.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.spoor.codec.DecodeException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * The scalar and structural rules of OTLP JSON over a jackson-core parser, with the JSON path of the
 * current value for error messages. One cursor reads one document; not thread-safe.
 */
final class OtlpJsonCursor {
  private final JsonParser p;
  private final JsonPath path = new JsonPath();

  OtlpJsonCursor(JsonParser parser) {
    this.p = parser;
  }

  JsonToken nextToken() throws IOException {
    return p.nextToken();
  }

  /** Field names compared without underscores and case, so camelCase and snake_case both match. */
  private static String normalize(String name) {
    return name.replace("_", "").toLowerCase(Locale.ROOT);
  }

  // ---- structure

  /** A field handler: reads the value of a known (normalized) field name, or returns false. */
  interface FieldReader {
    boolean read(String normalizedName) throws IOException;
  }

  interface ElementReader {
    void read() throws IOException;
  }

  /** Reads the object at the current token; null stands for an empty object, as in proto3 JSON. */
  void readObject(FieldReader fields) throws IOException {
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

  void readArray(ElementReader element) throws IOException {
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

  String readString() throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw fail(describe() + " (expected: a string)");
    }
    return p.getText();
  }

  boolean readBool() throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    throw fail(describe() + " (expected: true or false)");
  }

  long readUint64() throws IOException {
    String text = integerText("an unsigned 64-bit integer");
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw fail(describe() + " (expected: an unsigned 64-bit integer)");
    }
  }

  long readInt64() throws IOException {
    String text = integerText("a 64-bit integer");
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw fail(describe() + " (expected: a 64-bit integer)");
    }
  }

  int readUint32() throws IOException {
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
  String integerText(String expected) throws IOException {
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

  double readDouble() throws IOException {
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

  ByteString readBase64() throws IOException {
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
  ByteString readId(int size) throws IOException {
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

  interface EnumNames {
    int number(String name);
  }

  int readEnum(EnumNames names, String expected) throws IOException {
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

  static int spanKindNumber(String name) {
    for (Span.SpanKind kind : Span.SpanKind.values()) {
      if (kind != Span.SpanKind.UNRECOGNIZED && kind.name().equals(name)) {
        return kind.getNumber();
      }
    }
    return -1;
  }

  static int statusCodeNumber(String name) {
    for (Status.StatusCode code : Status.StatusCode.values()) {
      if (code != Status.StatusCode.UNRECOGNIZED && code.name().equals(name)) {
        return code.getNumber();
      }
    }
    return -1;
  }

  // ---- errors

  /** The current value as it appears in the input, for error messages. */
  String describe() throws IOException {
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

  DecodeException fail(String problem) {
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
