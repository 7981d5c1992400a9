package io.spoor.codec.uijson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.spoor.codec.DecodeException;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Jaeger UI JSON back into the model: the inverse of {@link UiTraceWriter}, and tolerant of
 * what other Jaeger versions wrote.
 *
 * <p>Accepted beyond what the writer emits: fields in any order (the {@code processes} map may come
 * after the spans); unknown fields, which are skipped; a span with an embedded {@code process} object
 * instead of a {@code processID}; the deprecated {@code parentSpanID}, turned into a {@code CHILD_OF}
 * reference when the span has no reference to that span yet; a span without {@code traceID}, which
 * takes the trace's; tag values written as strings whatever their type (as Jaeger's "embedded
 * process" form does); a tag without {@code type}, typed by its JSON value. Microseconds become
 * nanoseconds.
 *
 * <p>Anything else malformed raises {@link DecodeException} naming the JSON path, e.g. {@code "UI
 * JSON: spans[1].tags[0].value: \"x\" (expected: an int64)"}. Stateless and thread-safe.
 */
public final class UiTraceReader {
  private UiTraceReader() {}

  /** Reads one trace object. */
  public static Trace readTrace(String json) {
    try (JsonParser p = UiJson.newParser(json)) {
      return readSingle(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one trace object from UTF-8 bytes. */
  public static Trace readTrace(byte[] json) {
    try (JsonParser p = UiJson.newParser(json)) {
      return readSingle(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads traces from a trace object, an array of trace objects, or a query response envelope
   * ({@code {"data": [trace, ...], ...}}, other envelope fields ignored; {@code "data": null} gives
   * an empty list).
   */
  public static List<Trace> readTraces(String json) {
    try (JsonParser p = UiJson.newParser(json)) {
      return readMany(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #readTraces(String)}, from UTF-8 bytes. */
  public static List<Trace> readTraces(byte[] json) {
    try (JsonParser p = UiJson.newParser(json)) {
      return readMany(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the trace object starting at the parser's current token (or its next one, if it has none
   * yet) and leaves the parser on the object's closing brace.
   */
  public static Trace readTrace(JsonParser p) throws IOException {
    Objects.requireNonNull(p, "p");
    if (p.currentToken() == null) {
      p.nextToken();
    }
    try {
      return new TraceJson(p, "").read();
    } catch (JsonProcessingException e) {
      throw new DecodeException("UI JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Trace readSingle(JsonParser p) throws IOException {
    Trace trace = readTrace(p);
    try {
      expectEnd(p);
    } catch (JsonProcessingException e) {
      throw new DecodeException("UI JSON: " + e.getOriginalMessage(), e);
    }
    return trace;
  }

  private static List<Trace> readMany(JsonParser p) throws IOException {
    try {
      JsonToken first = p.nextToken();
      List<Trace> traces;
      if (first == JsonToken.START_ARRAY) {
        traces = readArray(p, "");
      } else if (first == JsonToken.START_OBJECT && looksLikeEnvelope(p)) {
        traces = readEnvelope(p);
      } else {
        traces = List.of(new TraceJson(p, "").read());
      }
      expectEnd(p);
      return traces;
    } catch (JsonProcessingException e) {
      throw new DecodeException("UI JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Peeks at the first field name without consuming the object: envelopes start with "data". */
  private static boolean looksLikeEnvelope(JsonParser p) throws IOException {
    JsonToken next = p.nextToken();
    if (next == JsonToken.FIELD_NAME && p.currentName().equals("data")) {
      return true;
    }
    if (next != JsonToken.FIELD_NAME) {
      // An empty object: not a trace, let the trace reader report it.
      throw JsonFields.error("", "{}", "a trace object, an array of traces or {\"data\": [...]}");
    }
    // A trace object: the parser stays on its first field name, where TraceJson can start.
    return false;
  }

  private static List<Trace> readEnvelope(JsonParser p) throws IOException {
    List<Trace> traces = List.of();
    // The parser is on the "data" field name.
    do {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("data") && value == JsonToken.START_ARRAY) {
        traces = readArray(p, "data");
      } else if (field.equals("data") && value != JsonToken.VALUE_NULL) {
        throw JsonFields.error("data", JsonFields.describe(p), "an array of traces or null");
      } else {
        p.skipChildren();
      }
    } while (p.nextToken() == JsonToken.FIELD_NAME);
    return traces;
  }

  private static List<Trace> readArray(JsonParser p, String path) throws IOException {
    List<Trace> traces = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      traces.add(new TraceJson(p, JsonFields.index(path, traces.size())).read());
    }
    return traces;
  }

  private static void expectEnd(JsonParser p) throws IOException {
    JsonToken trailing = p.nextToken();
    if (trailing != null) {
      throw JsonFields.error("", JsonFields.describe(p), "the end of the input after the trace");
    }
  }

  /** One trace object being read; spans wait for the processes map, which may come later. */
  private static final class TraceJson {
    private final JsonParser p;
    private final String path;
    private @Nullable TraceId traceId;
    private final List<SpanJson.Draft> spans = new ArrayList<>();
    private final Map<String, Process> processes = new HashMap<>();
    private List<String> warnings = List.of();

    TraceJson(JsonParser p, String path) {
      this.p = p;
      this.path = path;
    }

    Trace read() throws IOException {
      for (boolean more = JsonFields.enterObject(p, path, "a trace object");
          more;
          more = JsonFields.nextField(p)) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "traceID":
            traceId = JsonFields.traceId(p, JsonFields.field(path, field));
            break;
          case "spans":
            readSpans(JsonFields.field(path, field));
            break;
          case "processes":
            readProcesses(JsonFields.field(path, field));
            break;
          case "warnings":
            warnings = JsonFields.stringsOrNull(p, JsonFields.field(path, field));
            break;
          default:
            p.skipChildren();
        }
      }
      return build();
    }

    private void readSpans(String spansPath) throws IOException {
      JsonFields.startArray(p, spansPath);
      while (p.nextToken() != JsonToken.END_ARRAY) {
        spans.add(SpanJson.read(p, JsonFields.index(spansPath, spans.size())));
      }
    }

    private void readProcesses(String processesPath) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_NULL) {
        return;
      }
      for (boolean more = JsonFields.enterObject(p, processesPath, "an object of processes by id");
          more;
          more = JsonFields.nextField(p)) {
        String id = p.currentName();
        p.nextToken();
        processes.put(id, SpanJson.readProcess(p, JsonFields.field(processesPath, id)));
      }
    }

    private Trace build() {
      if (spans.isEmpty()) {
        throw JsonFields.error(JsonFields.field(path, "spans"), "[]", "at least one span");
      }
      List<Span> built = new ArrayList<>(spans.size());
      for (SpanJson.Draft draft : spans) {
        built.add(draft.build(traceId, processes));
      }
      return new Trace(built, warnings);
    }
  }
}
