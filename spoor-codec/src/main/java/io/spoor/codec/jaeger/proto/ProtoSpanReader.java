package io.spoor.codec.jaeger.proto;

import com.google.protobuf.ByteString;
import io.spoor.codec.DecodeException;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.proto.api_v2.Model;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * api_v2 protobuf messages to model values. Every failure is a {@link DecodeException} whose message
 * starts with {@code where}, the location of the span being read (for example {@code "Jaeger proto
 * api_v2 batch: spans[3]"}, or a label ending in ':' for a top-level span), then the field path.
 */
final class ProtoSpanReader {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final Process NO_PROCESS = Process.of("");

  private ProtoSpanReader() {}

  /**
   * Reads one span. Its own process wins; without one it takes {@code fallback}; without both it gets
   * a process with an empty service name, which the collector's sanitizer repairs as Jaeger's does.
   */
  static Span readSpan(Model.Span span, @Nullable Process fallback, String where) {
    TraceId traceId = traceId(span.getTraceId(), where, "trace_id");
    Span.Builder out = Span.newBuilder()
        .traceId(traceId)
        .spanId(spanId(span.getSpanId(), where, "span_id"))
        .operationName(span.getOperationName())
        .flags(span.getFlags())
        .startTimeNanos(span.hasStartTime() ? timestampNanos(span.getStartTime(), where, "start_time") : 0)
        .durationNanos(span.hasDuration() ? durationNanos(span.getDuration(), where) : 0)
        .warnings(span.getWarningsList());
    for (int i = 0; i < span.getReferencesCount(); i++) {
      out.addReference(reference(span.getReferences(i), where, "references[" + i + "]"));
    }
    out.tags(tags(span.getTagsList(), where, "tags"));
    for (int i = 0; i < span.getLogsCount(); i++) {
      Model.Log log = span.getLogs(i);
      String field = "logs[" + i + "]";
      long timestamp = log.hasTimestamp() ? timestampNanos(log.getTimestamp(), where, field + ".timestamp") : 0;
      out.addLog(new Log(timestamp, tags(log.getFieldsList(), where, field + ".fields")));
    }
    if (span.hasProcess()) {
      out.process(readProcess(span.getProcess(), where, "process"));
    } else {
      out.process(fallback != null ? fallback : NO_PROCESS);
    }
    return out.build();
  }

  static Process readProcess(Model.Process process, String where, String field) {
    return new Process(process.getServiceName(), tags(process.getTagsList(), where, field + ".tags"));
  }

  private static SpanRef reference(Model.SpanRef ref, String where, String field) {
    RefType type;
    switch (ref.getRefType()) {
      case CHILD_OF:
        type = RefType.CHILD_OF;
        break;
      case FOLLOWS_FROM:
        type = RefType.FOLLOWS_FROM;
        break;
      default:
        throw fail(where, field + ".ref_type",
            ref.getRefTypeValue() + " (expected: 0 CHILD_OF or 1 FOLLOWS_FROM)");
    }
    return new SpanRef(
        type,
        traceId(ref.getTraceId(), where, field + ".trace_id"),
        spanId(ref.getSpanId(), where, field + ".span_id"));
  }

  private static List<KeyValue> tags(List<Model.KeyValue> tags, String where, String field) {
    if (tags.isEmpty()) {
      return List.of();
    }
    List<KeyValue> out = new ArrayList<>(tags.size());
    for (int i = 0; i < tags.size(); i++) {
      out.add(keyValue(tags.get(i), where, field, i));
    }
    return out;
  }

  private static KeyValue keyValue(Model.KeyValue kv, String where, String field, int index) {
    String key = kv.getKey();
    switch (kv.getVType()) {
      case STRING:
        return KeyValue.of(key, kv.getVStr());
      case BOOL:
        return KeyValue.of(key, kv.getVBool());
      case INT64:
        return KeyValue.of(key, kv.getVInt64());
      case FLOAT64:
        return KeyValue.of(key, kv.getVFloat64());
      case BINARY:
        return KeyValue.ofBinary(key, kv.getVBinary().toByteArray());
      default:
        throw fail(where, field + "[" + index + "].v_type",
            kv.getVTypeValue() + " (expected: 0 STRING, 1 BOOL, 2 INT64, 3 FLOAT64 or 4 BINARY)");
    }
  }

  /** 16 bytes big-endian, or 8 for a 64-bit id; absent (empty) is the zero id. */
  private static TraceId traceId(ByteString bytes, String where, String field) {
    if (bytes.isEmpty()) {
      return TraceId.ZERO;
    }
    if (bytes.size() != 16 && bytes.size() != 8) {
      throw fail(where, field, bytes.size() + " bytes (expected: 16, or 8 for a 64-bit id)");
    }
    return TraceId.fromBytes(bytes.toByteArray());
  }

  /** 8 bytes big-endian; absent (empty) is the zero id. */
  private static SpanId spanId(ByteString bytes, String where, String field) {
    if (bytes.isEmpty()) {
      return SpanId.ZERO;
    }
    if (bytes.size() != 8) {
      throw fail(where, field, bytes.size() + " bytes (expected: 8)");
    }
    return SpanId.fromBytes(bytes.toByteArray());
  }

  private static long timestampNanos(
      com.google.protobuf.Timestamp timestamp, String where, String field) {
    int nanos = timestamp.getNanos();
    if (nanos < 0 || nanos >= NANOS_PER_SECOND) {
      throw fail(where, field + ".nanos", nanos + " (expected: 0 to 999999999)");
    }
    return toNanos(timestamp.getSeconds(), nanos, where, field);
  }

  private static long durationNanos(com.google.protobuf.Duration duration, String where) {
    int nanos = duration.getNanos();
    if (nanos <= -NANOS_PER_SECOND || nanos >= NANOS_PER_SECOND) {
      throw fail(where, "duration.nanos", nanos + " (expected: -999999999 to 999999999)");
    }
    return toNanos(duration.getSeconds(), nanos, where, "duration");
  }

  private static long toNanos(long seconds, int nanos, String where, String field) {
    try {
      return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
    } catch (ArithmeticException e) {
      throw fail(where, field + ".seconds",
          seconds + " (expected: a time that fits in int64 nanoseconds, years 1677 to 2262)");
    }
  }

  /** {@code where} is either a top-level label ending in ':' or a path such as "...: spans[3]". */
  private static DecodeException fail(String where, String field, String problem) {
    String separator = where.endsWith(":") ? " " : ".";
    return new DecodeException(where + separator + field + ": " + problem);
  }
}
