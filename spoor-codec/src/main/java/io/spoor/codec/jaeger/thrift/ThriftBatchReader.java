package io.spoor.codec.jaeger.thrift;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TType;

/**
 * Reads one {@code jaeger.thrift} {@code Batch} struct into model spans. Field ids are those of
 * jaeger-idl's {@code thrift/jaeger.thrift}; unknown fields and fields of an unexpected wire type are
 * skipped, as Thrift-generated readers do, and missing required fields are refused.
 *
 * <p>Single use, not thread-safe.
 */
final class ThriftBatchReader {
  private final ThriftInput input;
  private final TProtocol in;

  ThriftBatchReader(ThriftInput input) {
    this.input = input;
    this.in = input.protocol;
  }

  /** Reads a {@code Batch}; every span gets the batch's process. */
  List<Span> readBatch() throws TException {
    Process process = null;
    List<Span.Builder> spans = null;
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == 1 && f.type == TType.STRUCT) {
        input.enter("process");
        process = readProcess();
        input.leave();
      } else if (f.id == 2 && f.type == TType.LIST) {
        spans = input.readStructList("spans", this::readSpan);
      } else {
        input.skip(f.type); // 3: seqNo, 4: stats (client-side counters, not span data)
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    input.requirePresent(process != null, "process", 1);
    input.requirePresent(spans != null, "spans", 2);
    List<Span> out = new ArrayList<>(spans.size());
    for (Span.Builder span : spans) {
      out.add(span.process(process).build());
    }
    return out;
  }

  private Process readProcess() throws TException {
    String serviceName = null;
    List<KeyValue> tags = List.of();
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == 1 && f.type == TType.STRING) {
        serviceName = input.readString("serviceName");
      } else if (f.id == 2 && f.type == TType.LIST) {
        tags = input.readStructList("tags", this::readTag);
      } else {
        input.skip(f.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    input.requirePresent(serviceName != null, "serviceName", 1);
    return new Process(serviceName, tags);
  }

  private Span.Builder readSpan() throws TException {
    long traceIdLow = 0;
    long traceIdHigh = 0;
    long spanId = 0;
    long parentSpanId = 0;
    String operationName = "";
    List<SpanRef> references = List.of();
    int flags = 0;
    long startMicros = 0;
    long durationMicros = 0;
    List<KeyValue> tags = List.of();
    List<Log> logs = List.of();
    int seen = 0; // bit i set when field i was read
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.type != SpanField.type(f.id)) {
        input.skip(f.type); // unknown id, or a known id with another wire type
        in.readFieldEnd();
        continue;
      }
      seen |= 1 << f.id;
      switch (f.id) {
        case 1 -> traceIdLow = in.readI64();
        case 2 -> traceIdHigh = in.readI64();
        case 3 -> spanId = in.readI64();
        case 4 -> parentSpanId = in.readI64();
        case 5 -> operationName = input.readString("operationName");
        case 6 -> references = input.readStructList("references", this::readReference);
        case 7 -> flags = in.readI32();
        case 8 -> startMicros = in.readI64();
        case 9 -> durationMicros = in.readI64();
        case 10 -> tags = input.readStructList("tags", this::readTag);
        case 11 -> logs = input.readStructList("logs", this::readLog);
        default -> throw new AssertionError(f.id);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    SpanField.requireAll(input, seen);
    TraceId traceId = TraceId.of(traceIdHigh, traceIdLow);
    return Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.of(spanId))
        .operationName(operationName)
        .references(withParent(traceId, SpanId.of(parentSpanId), references))
        .flags(flags)
        .startTimeNanos(input.microsToNanos(startMicros, "startTime"))
        .durationNanos(input.microsToNanos(durationMicros, "duration"))
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
        input.skip(f.type);
        in.readFieldEnd();
        continue;
      }
      seen |= 1 << f.id;
      in.readFieldEnd();
    }
    in.readStructEnd();
    input.requirePresent((seen & 1 << 1) != 0, "refType", 1);
    input.requirePresent((seen & 1 << 2) != 0, "traceIdLow", 2);
    input.requirePresent((seen & 1 << 3) != 0, "traceIdHigh", 3);
    input.requirePresent((seen & 1 << 4) != 0, "spanId", 4);
    RefType type;
    if (refType == 0) {
      type = RefType.CHILD_OF;
    } else if (refType == 1) {
      type = RefType.FOLLOWS_FROM;
    } else {
      throw input.invalid("refType", refType + " (expected: 0 CHILD_OF or 1 FOLLOWS_FROM)");
    }
    return new SpanRef(type, TraceId.of(traceIdHigh, traceIdLow), SpanId.of(spanId));
  }

  private Log readLog() throws TException {
    Long timestamp = null;
    List<KeyValue> fields = null;
    in.readStructBegin();
    for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
      if (f.id == 1 && f.type == TType.I64) {
        timestamp = in.readI64();
      } else if (f.id == 2 && f.type == TType.LIST) {
        fields = input.readStructList("fields", this::readTag);
      } else {
        input.skip(f.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    input.requirePresent(timestamp != null, "timestamp", 1);
    input.requirePresent(fields != null, "fields", 2);
    return new Log(input.microsToNanos(timestamp, "timestamp"), fields);
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
        key = input.readString("key");
      } else if (f.id == 2 && f.type == TType.I32) {
        vType = in.readI32();
      } else if (f.id == 3 && f.type == TType.STRING) {
        vStr = input.readString("vStr");
      } else if (f.id == 4 && f.type == TType.DOUBLE) {
        vDouble = in.readDouble();
      } else if (f.id == 5 && f.type == TType.BOOL) {
        vBool = in.readBool();
      } else if (f.id == 6 && f.type == TType.I64) {
        vLong = in.readI64();
      } else if (f.id == 7 && f.type == TType.STRING) {
        vBinary = input.readBinary("vBinary");
      } else {
        input.skip(f.type);
      }
      in.readFieldEnd();
    }
    in.readStructEnd();
    input.requirePresent(key != null, "key", 1);
    input.requirePresent(vType != null, "vType", 2);
    ThriftTagType type = ThriftTagType.fromWire(vType);
    if (type == null) {
      // As Jaeger's thrift converter does: keep the tag, say what was wrong in its value.
      return KeyValue.of(key, "Unknown VType: " + vType);
    }
    // An absent value is its type's zero value, as Go's generated getters return it.
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

    /** The wire type of field {@code id}, or {@link TType#STOP} (never on the wire) if unknown. */
    static byte type(short id) {
      return id > 0 && id < TYPES.length ? TYPES[id] : TType.STOP;
    }

    static void requireAll(ThriftInput input, int seen) throws TException {
      for (int id : REQUIRED) {
        input.requirePresent((seen & (1 << id)) != 0, NAMES[id], id);
      }
    }
  }
}
