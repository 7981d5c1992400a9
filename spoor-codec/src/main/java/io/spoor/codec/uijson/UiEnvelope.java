package io.spoor.codec.uijson;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The response envelope of Jaeger's query API: {@code {"data": …, "total": n, "limit": 0, "offset":
 * 0, "errors": null | [{"code", "msg", "traceID"}]}}, fields in that order.
 *
 * @param data the payload; {@link JsonWritable#nullValue()} for error replies
 * @param total the number of items for services and operations; Jaeger sends 0 for traces
 * @param limit always 0 in Jaeger's API
 * @param offset always 0 in Jaeger's API
 * @param errors {@code null} writes {@code "errors": null} (success); an empty list writes {@code []}
 */
public record UiEnvelope(JsonWritable data, long total, int limit, int offset, @Nullable List<ApiError> errors) {
  public UiEnvelope {
    Objects.requireNonNull(data, "data");
    errors = errors == null ? null : List.copyOf(errors);
  }

  /** A successful reply: {@code errors} is null, limit and offset 0. */
  public static UiEnvelope of(JsonWritable data, long total) {
    return new UiEnvelope(data, total, 0, 0, null);
  }

  /** A reply with data and some errors, such as a search for ids of which some were not found. */
  public static UiEnvelope withErrors(JsonWritable data, long total, List<ApiError> errors) {
    return new UiEnvelope(data, total, 0, 0, errors);
  }

  /** An error reply: {@code {"data":null,"total":0,"limit":0,"offset":0,"errors":[{"code":…,"msg":…}]}}. */
  public static UiEnvelope error(int code, String msg) {
    return new UiEnvelope(JsonWritable.nullValue(), 0, 0, 0, List.of(ApiError.of(code, msg)));
  }

  /** Writes the envelope as one JSON object; does not flush or close {@code g}. */
  public void writeTo(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeFieldName("data");
    data.writeTo(g);
    g.writeNumberField("total", total);
    g.writeNumberField("limit", limit);
    g.writeNumberField("offset", offset);
    g.writeFieldName("errors");
    if (errors == null) {
      g.writeNull();
    } else {
      g.writeStartArray();
      for (ApiError error : errors) {
        g.writeStartObject();
        if (error.code() != 0) {
          g.writeNumberField("code", error.code());
        }
        g.writeStringField("msg", error.msg());
        if (!error.traceId().isEmpty()) {
          g.writeStringField("traceID", error.traceId());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  /** The envelope as UTF-8 JSON in the given layout. */
  public byte[] toJsonBytes(UiJson.Layout layout) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = UiJson.newGenerator(out, layout)) {
      writeTo(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The envelope as JSON text in the given layout. */
  public String toJson(UiJson.Layout layout) {
    return new String(toJsonBytes(layout), StandardCharsets.UTF_8);
  }
}
