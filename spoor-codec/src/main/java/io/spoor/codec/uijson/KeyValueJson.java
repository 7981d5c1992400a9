package io.spoor.codec.uijson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spoor.model.KeyValue;
import io.spoor.model.ValueType;
import java.io.IOException;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code {"key","type","value"}}. The value may come before the type, so it is kept as its
 * token and text until the object ends. Each typed value is also accepted as a JSON string (the
 * form Jaeger uses for int64 beyond 2^53 and in its "string values" conversion).
 */
final class KeyValueJson {
  private KeyValueJson() {}

  static KeyValue read(JsonParser p, String path) throws IOException {
    String key = null;
    String type = null;
    JsonToken valueToken = null;
    String valueText = "";
    for (boolean more = JsonFields.enterObject(p, path, "a {key, type, value} object");
        more;
        more = JsonFields.nextField(p)) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "key":
          key = JsonFields.string(p, JsonFields.field(path, field));
          break;
        case "type":
          type = JsonFields.string(p, JsonFields.field(path, field));
          break;
        case "value":
          valueToken = p.currentToken();
          if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
            throw JsonFields.error(JsonFields.field(path, field), JsonFields.describe(p),
                "a string, number or boolean");
          }
          valueText = p.getText();
          break;
        default:
          p.skipChildren();
      }
    }
    if (key == null) {
      throw JsonFields.error(JsonFields.field(path, "key"), "missing", "a key");
    }
    if (valueToken == null || valueToken == JsonToken.VALUE_NULL) {
      throw JsonFields.error(JsonFields.field(path, "value"), "missing or null", "a value");
    }
    ValueType valueType = type != null ? parseType(type, JsonFields.field(path, "type")) : inferType(valueToken);
    return toKeyValue(key, valueType, valueToken, valueText, JsonFields.field(path, "value"));
  }

  private static ValueType parseType(String type, String path) {
    for (ValueType t : ValueType.values()) {
      if (t.jsonName().equals(type.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw JsonFields.error(path, "\"" + type + "\"", "string, bool, int64, float64 or binary");
  }

  private static ValueType inferType(JsonToken token) {
    switch (token) {
      case VALUE_TRUE:
      case VALUE_FALSE:
        return ValueType.BOOL;
      case VALUE_NUMBER_INT:
        return ValueType.INT64;
      case VALUE_NUMBER_FLOAT:
        return ValueType.FLOAT64;
      default:
        return ValueType.STRING;
    }
  }

  private static KeyValue toKeyValue(String key, ValueType type, JsonToken token, String text, String path) {
    boolean isString = token == JsonToken.VALUE_STRING;
    switch (type) {
      case STRING:
        if (!isString) {
          throw mismatch(path, token, text, "a string");
        }
        return KeyValue.of(key, text);
      case BOOL:
        Boolean b = bool(token, text);
        if (b == null) {
          throw mismatch(path, token, text, "true or false");
        }
        return KeyValue.of(key, b);
      case INT64:
        if (!isString && token != JsonToken.VALUE_NUMBER_INT) {
          throw mismatch(path, token, text, "an int64");
        }
        try {
          return KeyValue.of(key, Long.parseLong(text));
        } catch (NumberFormatException e) {
          throw mismatch(path, token, text, "an int64");
        }
      case FLOAT64:
        return KeyValue.of(key, float64(token, text, path));
      case BINARY:
        if (!isString) {
          throw mismatch(path, token, text, "base64 text");
        }
        try {
          return KeyValue.ofBinary(key, Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
          throw mismatch(path, token, text, "base64 text");
        }
      default:
        throw new AssertionError(type);
    }
  }

  private static @Nullable Boolean bool(JsonToken token, String text) {
    if (token == JsonToken.VALUE_TRUE || (token == JsonToken.VALUE_STRING && text.equals("true"))) {
      return Boolean.TRUE;
    }
    if (token == JsonToken.VALUE_FALSE || (token == JsonToken.VALUE_STRING && text.equals("false"))) {
      return Boolean.FALSE;
    }
    return null;
  }

  private static double float64(JsonToken token, String text, String path) {
    if (token == JsonToken.VALUE_STRING) {
      switch (text) {
        case "NaN":
          return Double.NaN;
        case "+Inf":
        case "Inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    } else if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw mismatch(path, token, text, "a float64");
    }
    try {
      double d = Double.parseDouble(text);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw mismatch(path, token, text, "a float64");
      }
      return d;
    } catch (NumberFormatException e) {
      throw mismatch(path, token, text, "a float64");
    }
  }

  private static RuntimeException mismatch(String path, JsonToken token, String text, String expected) {
    String shown = token == JsonToken.VALUE_STRING ? "\"" + text + "\"" : text;
    return JsonFields.error(path, shown, expected);
  }
}
