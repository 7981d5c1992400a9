package io.spoor.codec.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.spoor.model.KeyValue;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;

/**
 * OTLP attribute values to typed tags and back. Scalars keep their type; arrays and key-value lists
 * become a JSON string, as Jaeger's translator renders them with Go's {@code Value.AsString()} (map keys
 * sorted, bytes in base64, floats in Go's shortest form).
 */
final class OtlpAttributes {
  private static final JsonFactory JSON = new JsonFactory();

  private OtlpAttributes() {}

  static KeyValue toTag(String key, AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        return KeyValue.of(key, value.getStringValue());
      case BOOL_VALUE:
        return KeyValue.of(key, value.getBoolValue());
      case INT_VALUE:
        return KeyValue.of(key, value.getIntValue());
      case DOUBLE_VALUE:
        return KeyValue.of(key, value.getDoubleValue());
      case BYTES_VALUE:
        return KeyValue.ofBinary(key, value.getBytesValue().toByteArray());
      case ARRAY_VALUE:
      case KVLIST_VALUE:
        return KeyValue.of(key, toJsonString(value));
      default:
        // An empty value (or a dictionary reference we cannot resolve): Jaeger writes an empty string.
        return KeyValue.of(key, "");
    }
  }

  static AnyValue toAnyValue(KeyValue tag) {
    AnyValue.Builder b = AnyValue.newBuilder();
    switch (tag.type()) {
      case STRING:
        return b.setStringValue(tag.stringValue()).build();
      case BOOL:
        return b.setBoolValue(tag.boolValue()).build();
      case INT64:
        return b.setIntValue(tag.longValue()).build();
      case FLOAT64:
        return b.setDoubleValue(tag.doubleValue()).build();
      case BINARY:
        return b.setBytesValue(ByteString.copyFrom(tag.binaryValue())).build();
      default:
        throw new AssertionError(tag.type());
    }
  }

  static io.opentelemetry.proto.common.v1.KeyValue toAttribute(KeyValue tag) {
    return io.opentelemetry.proto.common.v1.KeyValue.newBuilder()
        .setKey(tag.key())
        .setValue(toAnyValue(tag))
        .build();
  }

  static List<io.opentelemetry.proto.common.v1.KeyValue> toAttributes(List<KeyValue> tags) {
    List<io.opentelemetry.proto.common.v1.KeyValue> out = new ArrayList<>(tags.size());
    for (KeyValue tag : tags) {
      out.add(toAttribute(tag));
    }
    return out;
  }

  /** The value as Go's {@code pcommon.Value.AsString()} writes an array or a map: compact JSON. */
  static String toJsonString(AnyValue value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = JSON.createGenerator(out)) {
      writeJson(gen, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static void writeJson(JsonGenerator gen, AnyValue value) throws IOException {
    switch (value.getValueCase()) {
      case STRING_VALUE:
        gen.writeString(value.getStringValue());
        break;
      case BOOL_VALUE:
        gen.writeBoolean(value.getBoolValue());
        break;
      case INT_VALUE:
        gen.writeNumber(value.getIntValue());
        break;
      case DOUBLE_VALUE:
        double d = value.getDoubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          gen.writeString(Double.toString(d));
        } else {
          gen.writeRawValue(goFloat(d));
        }
        break;
      case BYTES_VALUE:
        gen.writeString(Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
        break;
      case ARRAY_VALUE:
        gen.writeStartArray();
        for (AnyValue v : value.getArrayValue().getValuesList()) {
          writeJson(gen, v);
        }
        gen.writeEndArray();
        break;
      case KVLIST_VALUE:
        // Go marshals a map with its keys sorted; a repeated key keeps the last value.
        TreeMap<String, AnyValue> sorted = new TreeMap<>();
        for (io.opentelemetry.proto.common.v1.KeyValue kv : value.getKvlistValue().getValuesList()) {
          sorted.put(kv.getKey(), kv.getValue());
        }
        gen.writeStartObject();
        for (var e : sorted.entrySet()) {
          gen.writeFieldName(e.getKey());
          writeJson(gen, e.getValue());
        }
        gen.writeEndObject();
        break;
      default:
        gen.writeNull();
    }
  }

  /**
   * A float64 as Go's {@code encoding/json} writes it: shortest digits, plain notation for
   * {@code 1e-6 <= |v| < 1e21}, otherwise exponent notation without padding ({@code 1e+21},
   * {@code 1e-7}).
   */
  static String goFloat(double v) {
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    double abs = Math.abs(v);
    if (abs >= 1e-6 && abs < 1e21) {
      return d.toPlainString();
    }
    int exponent = d.precision() - d.scale() - 1;
    String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
  }
}
