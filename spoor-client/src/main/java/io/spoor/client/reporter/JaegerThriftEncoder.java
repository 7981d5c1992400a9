package io.spoor.client.reporter;

import io.spoor.client.SpanLog;
import io.spoor.client.SpanReference;
import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorSpanContext;
import io.spoor.client.reporter.ThriftOutput.Type;
import java.util.List;
import java.util.Map;

/**
 * Encodes Jaeger's {@code jaeger.thrift} structs (Span, Process, Batch) and the agent's {@code
 * emitBatch} message. Field ids follow the IDL: Span 1 traceIdLow, 2 traceIdHigh, 3 spanId, 4
 * parentSpanId, 5 operationName, 6 references, 7 flags, 8 startTime, 9 duration, 10 tags, 11 logs; Tag
 * 1 key, 2 vType, 3 vStr, 4 vDouble, 5 vBool, 6 vLong, 7 vBinary; Log 1 timestamp, 2 fields; SpanRef 1
 * refType, 2 traceIdLow, 3 traceIdHigh, 4 spanId; Process 1 serviceName, 2 tags; Batch 1 process, 2
 * spans. Not thread-safe: one per sender.
 */
final class JaegerThriftEncoder {
  /** Upper bound of the bytes {@link #emitBatch} adds around the process and the spans. */
  static final int EMIT_BATCH_OVERHEAD = 64;

  private static final int TAG_STRING = 0;
  private static final int TAG_DOUBLE = 1;
  private static final int TAG_BOOL = 2;
  private static final int TAG_LONG = 3;
  private static final int TAG_BINARY = 4;

  private final ThriftOutput out;

  JaegerThriftEncoder(ThriftOutput out) {
    this.out = out;
  }

  byte[] span(SpoorSpan span) {
    out.reset();
    SpoorSpanContext c = span.context();
    out.structBegin();
    out.fieldI64(1, c.traceIdLow());
    out.fieldI64(2, c.traceIdHigh());
    out.fieldI64(3, c.spanId());
    out.fieldI64(4, c.parentId());
    out.fieldString(5, span.operationName());
    List<SpanReference> refs = span.references();
    boolean onlyParent = refs.size() == 1 && refs.get(0).isChildOf()
        && refs.get(0).context().spanId() == c.parentId();
    if (!refs.isEmpty() && !onlyParent) {
      out.fieldHeader(Type.LIST, 6);
      out.listHeader(Type.STRUCT, refs.size());
      for (SpanReference ref : refs) {
        out.structBegin();
        out.fieldI32(1, ref.isChildOf() ? 0 : 1);
        out.fieldI64(2, ref.context().traceIdLow());
        out.fieldI64(3, ref.context().traceIdHigh());
        out.fieldI64(4, ref.context().spanId());
        out.structEnd();
      }
    }
    out.fieldI32(7, c.flags());
    out.fieldI64(8, span.startMicros());
    out.fieldI64(9, Math.max(0, span.durationMicros()));
    Map<String, Object> tags = span.tags();
    if (!tags.isEmpty()) {
      out.fieldHeader(Type.LIST, 10);
      tagList(tags);
    }
    List<SpanLog> logs = span.logs();
    if (!logs.isEmpty()) {
      out.fieldHeader(Type.LIST, 11);
      out.listHeader(Type.STRUCT, logs.size());
      for (SpanLog log : logs) {
        out.structBegin();
        out.fieldI64(1, log.timestampMicros());
        out.fieldHeader(Type.LIST, 2);
        tagList(log.fields());
        out.structEnd();
      }
    }
    out.structEnd();
    return out.toByteArray();
  }

  byte[] process(String serviceName, Map<String, ?> tags) {
    out.reset();
    out.structBegin();
    out.fieldString(1, serviceName);
    if (!tags.isEmpty()) {
      out.fieldHeader(Type.LIST, 2);
      tagList(tags);
    }
    out.structEnd();
    return out.toByteArray();
  }

  /** A {@code Batch} struct, the body of {@code POST /api/traces}. */
  byte[] batch(byte[] process, List<byte[]> spans) {
    out.reset();
    batchStruct(process, spans);
    return out.toByteArray();
  }

  /** An agent {@code emitBatch} oneway message holding one batch: the payload of one datagram. */
  byte[] emitBatch(byte[] process, List<byte[]> spans, int seqId) {
    out.reset();
    out.onewayMessageHeader("emitBatch", seqId);
    out.structBegin();
    out.fieldHeader(Type.STRUCT, 1);
    batchStruct(process, spans);
    out.structEnd();
    return out.toByteArray();
  }

  private void batchStruct(byte[] process, List<byte[]> spans) {
    out.structBegin();
    out.fieldHeader(Type.STRUCT, 1);
    out.writeRaw(process);
    out.fieldHeader(Type.LIST, 2);
    out.listHeader(Type.STRUCT, spans.size());
    for (byte[] span : spans) {
      out.writeRaw(span);
    }
    out.structEnd();
  }

  private void tagList(Map<String, ?> tags) {
    out.listHeader(Type.STRUCT, tags.size());
    for (Map.Entry<String, ?> tag : tags.entrySet()) {
      out.structBegin();
      out.fieldString(1, tag.getKey());
      Object v = tag.getValue();
      if (v instanceof String s) {
        out.fieldI32(2, TAG_STRING);
        out.fieldString(3, s);
      } else if (v instanceof Boolean b) {
        out.fieldI32(2, TAG_BOOL);
        out.fieldBool(5, b);
      } else if (v instanceof Double || v instanceof Float) {
        out.fieldI32(2, TAG_DOUBLE);
        out.fieldDouble(4, ((Number) v).doubleValue());
      } else if (v instanceof Number n) {
        out.fieldI32(2, TAG_LONG);
        out.fieldI64(6, n.longValue());
      } else if (v instanceof byte[] bytes) {
        out.fieldI32(2, TAG_BINARY);
        out.fieldBinary(7, bytes);
      } else {
        out.fieldI32(2, TAG_STRING);
        out.fieldString(3, String.valueOf(v));
      }
      out.structEnd();
    }
  }
}
