package io.spoor.codec.uijson;

import com.fasterxml.jackson.core.JsonGenerator;
import io.spoor.model.DependencyLink;
import io.spoor.model.Trace;
import java.io.IOException;
import java.util.List;

/**
 * A JSON value that writes itself into a generator: the {@code data} of a {@link UiEnvelope}. The
 * factories cover what the query API answers; anything else is a lambda.
 */
@FunctionalInterface
public interface JsonWritable {
  /** Writes exactly one JSON value. */
  void writeTo(JsonGenerator g) throws IOException;

  /** {@code null}. */
  static JsonWritable nullValue() {
    return JsonGenerator::writeNull;
  }

  /** A list of strings, such as service or operation names. */
  static JsonWritable strings(List<String> values) {
    List<String> copy = List.copyOf(values);
    return g -> {
      g.writeStartArray();
      for (String v : copy) {
        g.writeString(v);
      }
      g.writeEndArray();
    };
  }

  /** A list of traces, each rendered by {@link UiTraceWriter}. */
  static JsonWritable traces(List<Trace> traces) {
    List<Trace> copy = List.copyOf(traces);
    return g -> {
      g.writeStartArray();
      for (Trace trace : copy) {
        UiTraceWriter.write(trace, g);
      }
      g.writeEndArray();
    };
  }

  /**
   * A list of values already rendered as JSON text (for example traces rendered once and cached). The
   * text is written as is, not checked and not re-indented.
   */
  static JsonWritable rawValues(List<String> renderedJson) {
    List<String> copy = List.copyOf(renderedJson);
    return g -> {
      g.writeStartArray();
      for (String json : copy) {
        g.writeRawValue(json);
      }
      g.writeEndArray();
    };
  }

  /** Dependency links as {@code [{"parent","child","callCount"}]}; {@code source} is not part of the UI JSON. */
  static JsonWritable dependencies(List<DependencyLink> links) {
    List<DependencyLink> copy = List.copyOf(links);
    return g -> {
      g.writeStartArray();
      for (DependencyLink link : copy) {
        g.writeStartObject();
        g.writeStringField("parent", link.parent());
        g.writeStringField("child", link.child());
        g.writeNumberField("callCount", link.callCount());
        g.writeEndObject();
      }
      g.writeEndArray();
    };
  }
}
