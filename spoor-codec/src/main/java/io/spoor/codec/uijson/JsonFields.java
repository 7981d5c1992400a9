package io.spoor.codec.uijson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spoor.codec.DecodeException;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Typed reads of the current JSON value, failing with the JSON path and what was expected. */
final class JsonFields {
  private static final int MAX_SHOWN = 60;

  private JsonFields() {}

  static DecodeException error(String path, String found, String expected) {
    String where = path.isEmpty() ? "" : path + ": ";
    return new DecodeException("UI JSON: " + where + found + " (expected: " + expected + ")");
  }

  static String field(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  static String index(String path, int i) {
    return path + "[" + i + "]";
  }

  /** The current value as shown in a message: strings quoted, long ones cut. */
  static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case VALUE_STRING:
        String s = p.getText();
        return "\"" + (s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "…" : s) + "\"";
      default:
        return p.getText();
    }
  }

  /**
   * Enters the object the parser is on (or, already inside it, on its first field name). Returns
   * whether the parser now stands on a field name; false means the object was empty.
   */
  static boolean enterObject(JsonParser p, String path, String expected) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.FIELD_NAME) {
      return true;
    }
    if (t != JsonToken.START_OBJECT) {
      throw error(path, describe(p), expected);
    }
    return p.nextToken() == JsonToken.FIELD_NAME;
  }

  /** Advances past the current field's value to the next field name; false at the end of the object. */
  static boolean nextField(JsonParser p) throws IOException {
    return p.nextToken() == JsonToken.FIELD_NAME;
  }

  /** Checks the parser is on an array, or on null (an empty list); returns false for null. */
  static boolean startArray(JsonParser p, String path) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return false;
    }
    if (p.currentToken() != JsonToken.START_ARRAY) {
      throw error(path, describe(p), "an array");
    }
    return true;
  }

  static String string(JsonParser p, String path) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_STRING) {
      throw error(path, describe(p), "a string");
    }
    return p.getText();
  }

  /** An integer JSON number that fits a long. */
  static long integer(JsonParser p, String path) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT
        || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw error(path, describe(p), "an integer");
    }
    return p.getLongValue();
  }

  /** Microseconds, returned as nanoseconds. */
  static long microsAsNanos(JsonParser p, String path) throws IOException {
    long micros = integer(p, path);
    try {
      return Math.multiplyExact(micros, 1000L);
    } catch (ArithmeticException e) {
      throw error(path, Long.toString(micros), "microseconds within ±292 years of 1970");
    }
  }

  static TraceId traceId(JsonParser p, String path) throws IOException {
    String hex = string(p, path);
    try {
      return TraceId.parse(hex);
    } catch (IllegalArgumentException e) {
      throw error(path, describe(p), "1 to 32 hex digits");
    }
  }

  static SpanId spanId(JsonParser p, String path) throws IOException {
    String hex = string(p, path);
    try {
      return SpanId.parse(hex);
    } catch (IllegalArgumentException e) {
      throw error(path, describe(p), "1 to 16 hex digits");
    }
  }

  /** A list of strings, or null for an empty list. */
  static List<String> stringsOrNull(JsonParser p, String path) throws IOException {
    if (!startArray(p, path)) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(string(p, index(path, out.size())));
    }
    return out;
  }
}
