package io.spoor.codec.jaeger.thrift;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;
import org.jspecify.annotations.Nullable;

/**
 * Reads one {@code jaeger.thrift} {@code Batch} struct into model spans. Field ids are those of
 * jaeger-idl's {@code thrift/jaeger.thrift}; unknown fields and fields of an unexpected wire type are
 * skipped, as Thrift-generated readers do, and missing required fields are refused.
 *
 * <p>Single use, not thread-safe. It keeps the path of the element being read (for example {@code
 * spans[3].tags[1].vStr}) so that {@link #where()} can say where a failure happened; the path is not
 * unwound when an exception propagates.
 */
final class ThriftBatchReader {
  /** Bounds the recursion when skipping unknown nested fields. */
  private static final int MAX_SKIP_DEPTH = 32;

  private final TProtocol in;
  private final int maxStringBytes;
  private final List<String> path = new ArrayList<>();

  /**
   * @param maxStringBytes the longest string or binary accepted; checked here too because libthrift's
   *     binary protocol skips its own limit when the bytes are already buffered
   */
  ThriftBatchReader(TProtocol in, int maxStringBytes) {
    this.in = in;
    this.maxStringBytes = maxStringBytes;
  }

  /** The element being read when a failure happened, e.g. {@code spans[3].tags[1].vStr}. */
  String where() {
    StringBuilder out = new StringBuilder();
    for (String segment : path) {
      if (out.length() > 0 && !segment.startsWith("[")) {
        out.append('.');
      }
      out.append(segment);
    }
    return out.toString();
  }

  void enter(String segment) {
    path.add(segment);
  }

  void leave() {
    path.remove(path.size() - 1);
  }

  /** Skips a value of a field this reader does not know, with bounded recursion. */
  void skip(byte type) throws TException {
    TProtocolUtil.skip(in, type, MAX_SKIP_DEPTH);
  }

  /** Reads a {@code Batch}; every span gets the batch's process. */
  List<Span> readBatch() throws TException {
    Process process = null;
    List<Span.Builder> spans = null;
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == 1 && f.type == TType.STRUCT) {
        enter("process");
        process = readProcess();
        leave();
      } else if (f.id == 2 && f.type == TType.LIST) {
        enter("spans");
        spans = readSpans();
        leave();
      } else {
        skip(f.type); // 3: seqNo, 4: stats (client-side counters, not span data)
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    requirePresent(process != null, "process", 1);
    requirePresent(spans != null, "spans", 2);
    List<Span> out = new ArrayList<>(spans.size());
    for (Span.Builder span : spans) {
      out.add(span.process(process).build());
    }
    return out;
  }

  private List<Span.Builder> readSpans() throws TException {
    int size = readStructListBegin();
    List<Span.Builder> spans = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      enter("[" + i + "]");
      spans.add(readSpan());
      leave();
    }
    in.readListEnd();
    return spans;
  }

  Process readProcess() throws TException {
    String serviceName = null;
    List<KeyValue> tags = List.of();
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == 1 && f.type == TType.STRING) {
        enter("serviceName");
        serviceName = readString();
        leave();
      } else if (f.id == 2 && f.type == TType.LIST) {
        enter("tags");
        tags = readTags();
        leave();
      } else {
        skip(f.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    requirePresent(serviceName != null, "serviceName", 1);
    return new Process(serviceName, tags);
  }

  private Span.Builder readSpan() throws TException {
    long traceIdLow = 0;
    long traceIdHigh = 0;
    long spanId = 0;
    long parentSpanId = 0;
    String operationName = null;
    List<SpanRef> references = List.of();
    int flags = 0;
    long startMicros = 0;
    long durationMicros = 0;
    List<KeyValue> tags = List.of();
    List<Log> logs = List.of();
    int seen = 0; // bit i set when required field i was read
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      byte expected = SpanField.type(f.id);
      if (expected == TType.STOP || expected != f.type) {
        skip(f.type);
        in.readFieldEnd();
        continue;
      }
      seen |= 1 << f.id;
      switch (f.id) {
        case 1 -> traceIdLow = in.readI64();
        case 2 -> traceIdHigh = in.readI64();
        case 3 -> spanId = in.readI64();
        case 4 -> parentSpanId = in.readI64();
        case 5 -> {
          enter("operationName");
          operationName = readString();
          leave();
        }
        case 6 -> {
          enter("references");
          references = readReferences();
          leave();
        }
        case 7 -> flags = in.readI32();
        case 8 -> startMicros = in.readI64();
        case 9 -> durationMicros = in.readI64();
        case 10 -> {
          enter("tags");
          tags = readTags();
          leave();
        }
        case 11 -> {
          enter("logs");
          logs = readLogs();
          leave();
        }
        default -> throw new AssertionError(f.id);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    SpanField.requireAll(this, seen);
    TraceId traceId = TraceId.of(traceIdHigh, traceIdLow);
    return Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.of(spanId))
        .operationName(operationName == null ? "" : operationName)
        .references(withParent(traceId, SpanId.of(parentSpanId), references))
        .flags(flags)
        .startTimeNanos(microsToNanos(startMicros, "startTime"))
        .durationNanos(microsToNanos(durationMicros, "duration"))
        .tags(tags)
        .logs(logs);
  }

  /**
   * Jaeger's {@code MaybeAddParentSpanID}: a non-zero {@code parentSpanId} becomes a {@code
   * CHILD_OF} reference placed first, unless a reference of any type to that span in the same trace
   * is already there.
   */
  static List<SpanRef> withParent(TraceId traceId, SpanId parent, List<SpanRef> references) {
    if (parent.isZero()) {
      return references;
    }
    for (SpanRef ref : references) {
      if (ref.spanId().equals(parent) && ref.traceId().equals(traceId)) {
        return references;
      }
    }
    List<SpanRef> out = new ArrayList<>(references.size() + 1);
    out.add(SpanRef.childOf(traceId, parent));
    out.addAll(references);
    return out;
  }

  private List<SpanRef> readReferences() throws TException {
    int size = readStructListBegin();
    List<SpanRef> refs = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      enter("[" + i + "]");
      refs.add(readReference());
      leave();
    }
    in.readListEnd();
    return refs;
  }

  private SpanRef readReference() throws TException {
    int refType = 0;
    long traceIdLow = 0;
    long traceIdHigh = 0;
    long spanId = 0;
    int seen = 0;
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == 1 && f.type == TType.I32) {
        refType = in.readI32();
      } else if (f.id == 2 && f.type == TType.I64) {
        traceIdLow = in.readI64();
      } else if (f.id == 3 && f.type == TType.I64) {
        traceIdHigh = in.readI64();
      } else if (f.id == 4 && f.type == TType.I64) {
        spanId = in.readI64();
      } else {
        skip(f.type);
        in.readFieldEnd();
        continue;
      }
      seen |= 1 << f.id;
      in.readFieldEnd();
    }
    in.readStructEnd();
    requirePresent((seen & 0b10) != 0, "refType", 1);
    requirePresent((seen & 0b100) != 0, "traceIdLow", 2);
    requirePresent((seen & 0b1000) != 0, "traceIdHigh", 3);
    requirePresent((seen & 0b10000) != 0, "spanId", 4);
    RefType type;
    if (refType == 0) {
      type = RefType.CHILD_OF;
    } else if (refType == 1) {
      type = RefType.FOLLOWS_FROM;
    } else {
      enter("refType");
      throw new TProtocolException(refType + " (expected: 0 CHILD_OF or 1 FOLLOWS_FROM)");
    }
    return new SpanRef(type, TraceId.of(traceIdHigh, traceIdLow), SpanId.of(spanId));
  }

  private List<Log> readLogs() throws TException {
    int size = readStructListBegin();
    List<Log> logs = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      enter("[" + i + "]");
      logs.add(readLog());
      leave();
    }
    in.readListEnd();
    return logs;
  }

  private Log readLog() throws TException {
    Long timestamp = null;
    List<KeyValue> fields = null;
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == 1 && f.type == TType.I64) {
        timestamp = in.readI64();
      } else if (f.id == 2 && f.type == TType.LIST) {
        enter("fields");
        fields = readTags();
        leave();
      } else {
        skip(f.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    requirePresent(timestamp != null, "timestamp", 1);
    requirePresent(fields != null, "fields", 2);
    return new Log(microsToNanos(timestamp, "timestamp"), fields);
  }

  private List<KeyValue> readTags() throws TException {
    int size = readStructListBegin();
    List<KeyValue> tags = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      enter("[" + i + "]");
      tags.add(readTag());
      leave();
    }
    in.readListEnd();
    return tags;
  }

  private KeyValue readTag() throws TException {
    String key = null;
    Integer vType = null;
    String vStr = "";
    double vDouble = 0;
    boolean vBool = false;
    long vLong = 0;
    byte[] vBinary = new byte[0];
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == 1 && f.type == TType.STRING) {
        enter("key");
        key = readString();
        leave();
      } else if (f.id == 2 && f.type == TType.I32) {
        vType = in.readI32();
      } else if (f.id == 3 && f.type == TType.STRING) {
        enter("vStr");
        vStr = readString();
        leave();
      } else if (f.id == 4 && f.type == TType.DOUBLE) {
        vDouble = in.readDouble();
      } else if (f.id == 5 && f.type == TType.BOOL) {
        vBool = in.readBool();
      } else if (f.id == 6 && f.type == TType.I64) {
        vLong = in.readI64();
      } else if (f.id == 7 && f.type == TType.STRING) {
        enter("vBinary");
        vBinary = toArray(readBinary());
        leave();
      } else {
        skip(f.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    requirePresent(key != null, "key", 1);
    requirePresent(vType != null, "vType", 2);
    ThriftTagType type = ThriftTagType.fromWire(vType);
    if (type == null) {
      // As Jaeger's thrift converter does: keep the tag, say what was wrong in its value.
      return KeyValue.of(key, "Unknown VType: " + vType);
    }
    switch (type) {
      case STRING:
        return KeyValue.of(key, vStr);
      case DOUBLE:
        return KeyValue.of(key, vDouble);
      case BOOL:
        return KeyValue.of(key, vBool);
      case LONG:
        return KeyValue.of(key, vLong);
      case BINARY:
        return KeyValue.ofBinary(key, vBinary);
      default:
        throw new AssertionError(type);
    }
  }

  /** Reads a list header and refuses lists whose elements are not structs. */
  private int readStructListBegin() throws TException {
    TList list = in.readListBegin();
    if (list.elemType != TType.STRUCT) {
      throw new TProtocolException(
          "list element type " + list.elemType + " (expected: " + TType.STRUCT + ", struct)");
    }
    if (list.size < 0) {
      throw new TProtocolException("list size " + list.size + " (expected: >= 0)");
    }
    return list.size;
  }

  private String readString() throws TException {
    return StandardCharsets.UTF_8.decode(readBinary()).toString();
  }

  private ByteBuffer readBinary() throws TException {
    ByteBuffer bytes = in.readBinary();
    if (bytes.remaining() > maxStringBytes) {
      throw new TProtocolException(
          bytes.remaining() + " bytes (expected: at most " + maxStringBytes + ")");
    }
    return bytes;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  private long microsToNanos(long micros, String field) throws TProtocolException {
    if (micros > Long.MAX_VALUE / 1000 || micros < Long.MIN_VALUE / 1000) {
      enter(field);
      throw new TProtocolException(
          micros + " µs (expected: at most " + Long.MAX_VALUE / 1000 + ", the int64 nanosecond range)");
    }
    return micros * 1000;
  }

  void requirePresent(boolean present, String field, int id) throws TProtocolException {
    if (!present) {
      enter(field);
      throw new TProtocolException("missing (required field " + id + ")");
    }
  }

  /** The wire types of {@code Span}'s fields and which of them are required. */
  private static final class SpanField {
    private static final String[] NAMES = {
      "", "traceIdLow", "traceIdHigh", "spanId", "parentSpanId", "operationName", "references",
      "flags", "startTime", "duration", "tags", "logs"
    };
    private static final byte[] TYPES = {
      TType.STOP, TType.I64, TType.I64, TType.I64, TType.I64, TType.STRING, TType.LIST, TType.I32,
      TType.I64, TType.I64, TType.LIST, TType.LIST
    };
    private static final int[] REQUIRED = {1, 2, 3, 4, 5, 7, 8, 9};

    private SpanField() {}

    /** The expected wire type of field {@code id}, or {@link TType#STOP} for an unknown id. */
    static byte type(short id) {
      return id > 0 && id < TYPES.length ? TYPES[id] : TType.STOP;
    }

    static void requireAll(ThriftBatchReader reader, int seen) throws TProtocolException {
      for (int id : REQUIRED) {
        reader.requirePresent((seen & (1 << id)) != 0, NAMES[id], id);
      }
    }
  }
}
