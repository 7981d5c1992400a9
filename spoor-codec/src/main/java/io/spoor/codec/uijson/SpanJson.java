package io.spoor.codec.uijson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reads one UI JSON span, process, log or tag. */
final class SpanJson {
  private SpanJson() {}

  /** A span read before the trace's processes are known. */
  static final class Draft {
    private final String path;
    private final Span.Builder builder = Span.newBuilder();
    private @Nullable TraceId traceId;
    private @Nullable SpanId spanId;
    private @Nullable SpanId parentSpanId;
    private @Nullable String processId;
    private @Nullable Process process;
    private final List<RefDraft> references = new ArrayList<>();

    Draft(String path) {
      this.path = path;
    }

    Span build(@Nullable TraceId traceTraceId, Map<String, Process> processes) {
      TraceId id = traceId != null ? traceId : traceTraceId;
      if (id == null) {
        throw JsonFields.error(JsonFields.field(path, "traceID"), "missing", "a trace id on the span or the trace");
      }
      if (spanId == null) {
        throw JsonFields.error(JsonFields.field(path, "spanID"), "missing", "a span id");
      }
      builder.traceId(id).spanId(spanId).process(resolveProcess(processes));
      boolean parentReferenced = false;
      for (RefDraft ref : references) {
        TraceId refTrace = ref.traceId != null ? ref.traceId : id;
        builder.addReference(new SpanRef(ref.type, refTrace, ref.spanId));
        parentReferenced |= ref.spanId.equals(parentSpanId) && refTrace.equals(id);
      }
      if (parentSpanId != null && !parentSpanId.isZero() && !parentReferenced) {
        builder.addReference(SpanRef.childOf(id, parentSpanId));
      }
      return builder.build();
    }

    private Process resolveProcess(Map<String, Process> processes) {
      if (process != null) {
        return process;
      }
      if (processId == null) {
        throw JsonFields.error(JsonFields.field(path, "processID"), "missing", "a processID or a process");
      }
      Process found = processes.get(processId);
      if (found == null) {
        throw JsonFields.error(JsonFields.field(path, "processID"), "\"" + processId + "\"",
            "a key of the trace's processes " + processes.keySet());
      }
      return found;
    }
  }

  private record RefDraft(RefType type, @Nullable TraceId traceId, SpanId spanId) {}

  static Draft read(JsonParser p, String path) throws IOException {
    Draft d = new Draft(path);
    for (boolean more = JsonFields.enterObject(p, path, "a span object"); more; more = JsonFields.nextField(p)) {
      String field = p.currentName();
      String at = JsonFields.field(path, field);
      p.nextToken();
      switch (field) {
        case "traceID":
          d.traceId = JsonFields.traceId(p, at);
          break;
        case "spanID":
          d.spanId = JsonFields.spanId(p, at);
          break;
        case "parentSpanID":
          d.parentSpanId = JsonFields.spanId(p, at);
          break;
        case "flags":
          d.builder.flags(flags(p, at));
          break;
        case "operationName":
          d.builder.operationName(JsonFields.string(p, at));
          break;
        case "references":
          readReferences(p, at, d.references);
          break;
        case "startTime":
          d.builder.startTimeNanos(JsonFields.microsAsNanos(p, at));
          break;
        case "duration":
          d.builder.durationNanos(JsonFields.microsAsNanos(p, at));
          break;
        case "tags":
          d.builder.tags(readKeyValues(p, at));
          break;
        case "logs":
          d.builder.logs(readLogs(p, at));
          break;
        case "processID":
          d.processId = JsonFields.string(p, at);
          break;
        case "process":
          d.process = readProcess(p, at);
          break;
        case "warnings":
          d.builder.warnings(JsonFields.stringsOrNull(p, at));
          break;
        default:
          p.skipChildren();
      }
    }
    return d;
  }

  private static int flags(JsonParser p, String path) throws IOException {
    long flags = JsonFields.integer(p, path);
    if (flags < 0 || flags > 0xffff_ffffL) {
      throw JsonFields.error(path, Long.toString(flags), "an unsigned 32-bit integer");
    }
    return (int) flags;
  }

  private static void readReferences(JsonParser p, String path, List<RefDraft> out) throws IOException {
    if (!JsonFields.startArray(p, path)) {
      return;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String at = JsonFields.index(path, out.size());
      RefType type = RefType.CHILD_OF;
      TraceId traceId = null;
      SpanId spanId = null;
      for (boolean more = JsonFields.enterObject(p, at, "a reference object"); more; more = JsonFields.nextField(p)) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "refType":
            type = refType(p, JsonFields.field(at, field));
            break;
          case "traceID":
            traceId = JsonFields.traceId(p, JsonFields.field(at, field));
            break;
          case "spanID":
            spanId = JsonFields.spanId(p, JsonFields.field(at, field));
            break;
          default:
            p.skipChildren();
        }
      }
      if (spanId == null) {
        throw JsonFields.error(JsonFields.field(at, "spanID"), "missing", "a span id");
      }
      out.add(new RefDraft(type, traceId, spanId));
    }
  }

  private static RefType refType(JsonParser p, String path) throws IOException {
    String value = JsonFields.string(p, path);
    switch (value) {
      case "CHILD_OF":
        return RefType.CHILD_OF;
      case "FOLLOWS_FROM":
        return RefType.FOLLOWS_FROM;
      default:
        throw JsonFields.error(path, JsonFields.describe(p), "CHILD_OF or FOLLOWS_FROM");
    }
  }

  static Process readProcess(JsonParser p, String path) throws IOException {
    String serviceName = null;
    List<KeyValue> tags = List.of();
    for (boolean more = JsonFields.enterObject(p, path, "a process object"); more; more = JsonFields.nextField(p)) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "serviceName":
          serviceName = JsonFields.string(p, JsonFields.field(path, field));
          break;
        case "tags":
          tags = readKeyValues(p, JsonFields.field(path, field));
          break;
        default:
          p.skipChildren();
      }
    }
    if (serviceName == null) {
      throw JsonFields.error(JsonFields.field(path, "serviceName"), "missing", "a service name");
    }
    return new Process(serviceName, tags);
  }

  private static List<Log> readLogs(JsonParser p, String path) throws IOException {
    List<Log> logs = new ArrayList<>();
    if (!JsonFields.startArray(p, path)) {
      return logs;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      String at = JsonFields.index(path, logs.size());
      long timestamp = 0;
      List<KeyValue> fields = List.of();
      for (boolean more = JsonFields.enterObject(p, at, "a log object"); more; more = JsonFields.nextField(p)) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "timestamp":
            timestamp = JsonFields.microsAsNanos(p, JsonFields.field(at, field));
            break;
          case "fields":
            fields = readKeyValues(p, JsonFields.field(at, field));
            break;
          default:
            p.skipChildren();
        }
      }
      logs.add(new Log(timestamp, fields));
    }
    return logs;
  }

  static List<KeyValue> readKeyValues(JsonParser p, String path) throws IOException {
    List<KeyValue> out = new ArrayList<>();
    if (!JsonFields.startArray(p, path)) {
      return out;
    }
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(KeyValueJson.read(p, JsonFields.index(path, out.size())));
    }
    return out;
  }
}
