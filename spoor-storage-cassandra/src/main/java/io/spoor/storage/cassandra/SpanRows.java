package io.spoor.storage.cassandra;

import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
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

/**
 * Spans to and from the {@code traces} row of Jaeger's schema: trace id as 16 big-endian bytes, span
 * and parent ids as signed bigints, times in microseconds, tags as {@code keyvalue} UDTs with a {@code
 * value_type} of {@code string|bool|int64|float64|binary}, references as {@code span_ref} with {@code
 * child-of|follows-from}, and the process as a {@code process} UDT. Unused typed fields of a keyvalue
 * hold Go's zero values, as Jaeger's gocql writer leaves them.
 */
final class SpanRows {
  static final String CHILD_OF = "child-of";
  static final String FOLLOWS_FROM = "follows-from";

  private final UserDefinedType keyValueType;
  private final UserDefinedType logType;
  private final UserDefinedType refType;
  private final UserDefinedType processType;

  SpanRows(UserDefinedType keyValueType, UserDefinedType logType, UserDefinedType refType,
      UserDefinedType processType) {
    this.keyValueType = keyValueType;
    this.logType = logType;
    this.refType = refType;
    this.processType = processType;
  }

  static ByteBuffer traceId(TraceId id) {
    return ByteBuffer.wrap(id.toBytes());
  }

  static TraceId traceId(ByteBuffer bytes) {
    byte[] b = new byte[bytes.remaining()];
    bytes.duplicate().get(b);
    if (b.length == 16) {
      return TraceId.fromBytes(b);
    }
    // Jaeger always writes 16 bytes; accept a bare 8-byte low half too.
    ByteBuffer padded = ByteBuffer.allocate(16);
    padded.position(16 - Math.min(16, b.length));
    padded.put(b, Math.max(0, b.length - 16), Math.min(16, b.length));
    return TraceId.fromBytes(padded.array());
  }

  List<UdtValue> keyValues(List<KeyValue> tags) {
    List<UdtValue> out = new ArrayList<>(tags.size());
    for (KeyValue kv : tags) {
      out.add(keyValue(kv));
    }
    return out;
  }

  UdtValue keyValue(KeyValue kv) {
    UdtValue v = keyValueType.newValue()
        .setString("key", kv.key())
        .setString("value_string", "")
        .setBoolean("value_bool", false)
        .setLong("value_long", 0L)
        .setDouble("value_double", 0.0);
    switch (kv.type()) {
      case STRING:
        return v.setString("value_type", "string").setString("value_string", kv.stringValue());
      case BOOL:
        return v.setString("value_type", "bool").setBoolean("value_bool", kv.boolValue());
      case INT64:
        return v.setString("value_type", "int64").setLong("value_long", kv.longValue());
      case FLOAT64:
        return v.setString("value_type", "float64").setDouble("value_double", kv.doubleValue());
      case BINARY:
        return v.setString("value_type", "binary").setByteBuffer("value_binary", ByteBuffer.wrap(kv.binaryValue()));
      default:
        throw new IllegalArgumentException("tag " + kv.key() + ": unknown type " + kv.type());
    }
  }

  List<UdtValue> logs(List<Log> logs) {
    List<UdtValue> out = new ArrayList<>(logs.size());
    for (Log log : logs) {
      out.add(logType.newValue()
          .setLong("ts", Math.floorDiv(log.timestampNanos(), 1000L))
          .setList("fields", keyValues(log.fields()), UdtValue.class));
    }
    return out;
  }

  List<UdtValue> refs(List<SpanRef> refs) {
    List<UdtValue> out = new ArrayList<>(refs.size());
    for (SpanRef ref : refs) {
      out.add(refType.newValue()
          .setString("ref_type", ref.type() == RefType.CHILD_OF ? CHILD_OF : FOLLOWS_FROM)
          .setByteBuffer("trace_id", traceId(ref.traceId()))
          .setLong("span_id", ref.spanId().value()));
    }
    return out;
  }

  UdtValue process(Process process) {
    return processType.newValue()
        .setString("service_name", process.serviceName())
        .setList("tags", keyValues(process.tags()), UdtValue.class);
  }

  /**
   * The row columns {@code trace_id, span_id, parent_id, operation_name, flags, start_time, duration,
   * tags, logs, refs, process}, in that order, as a span. A {@code parent_id} that no {@code child-of}
   * reference names becomes one (Jaeger's {@code MaybeAddParentSpanID}).
   */
  static Span span(Row row) {
    TraceId traceId = traceId(row.getByteBuffer(0));
    List<SpanRef> refs = new ArrayList<>();
    for (UdtValue ref : row.getList(9, UdtValue.class)) {
      ByteBuffer refTrace = ref.getByteBuffer("trace_id");
      refs.add(new SpanRef(
          FOLLOWS_FROM.equals(ref.getString("ref_type")) ? RefType.FOLLOWS_FROM : RefType.CHILD_OF,
          refTrace == null ? traceId : traceId(refTrace),
          SpanId.of(ref.getLong("span_id"))));
    }
    long parentId = row.getLong(2);
    if (parentId != 0) {
      boolean named = false;
      for (SpanRef ref : refs) {
        if (ref.spanId().value() == parentId && ref.traceId().equals(traceId)) {
          named = true;
          break;
        }
      }
      if (!named) {
        refs.add(0, SpanRef.childOf(traceId, SpanId.of(parentId)));
      }
    }
    List<Log> logs = new ArrayList<>();
    for (UdtValue log : row.getList(8, UdtValue.class)) {
      logs.add(new Log(log.getLong("ts") * 1000L, fromUdts(log.getList("fields", UdtValue.class))));
    }
    UdtValue process = row.getUdtValue(10);
    Process p = process == null
        ? new Process("", List.of())
        : new Process(nonNull(process.getString("service_name")), fromUdts(process.getList("tags", UdtValue.class)));
    String operation = row.getString(3);
    return Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.of(row.getLong(1)))
        .operationName(operation == null ? "" : operation)
        .flags(row.getInt(4))
        .startTimeMicros(row.getLong(5))
        .durationMicros(row.getLong(6))
        .tags(fromUdts(row.getList(7, UdtValue.class)))
        .logs(logs)
        .references(refs)
        .process(p)
        .build();
  }

  static List<KeyValue> fromUdts(List<UdtValue> values) {
    List<KeyValue> out = new ArrayList<>(values.size());
    for (UdtValue v : values) {
      out.add(keyValue(v));
    }
    return out;
  }

  /** Null fields read as Go's zero values, as Jaeger's reader sees them. */
  static KeyValue keyValue(UdtValue v) {
    String key = nonNull(v.getString("key"));
    String type = nonNull(v.getString("value_type"));
    switch (type) {
      case "bool":
        return KeyValue.of(key, v.getBoolean("value_bool"));
      case "int64":
        return KeyValue.of(key, v.getLong("value_long"));
      case "float64":
        return KeyValue.of(key, v.getDouble("value_double"));
      case "binary": {
        ByteBuffer b = v.getByteBuffer("value_binary");
        byte[] bytes = new byte[b == null ? 0 : b.remaining()];
        if (b != null) {
          b.duplicate().get(bytes);
        }
        return KeyValue.ofBinary(key, bytes);
      }
      case "string":
        return KeyValue.of(key, nonNull(v.getString("value_string")));
      default:
        // Jaeger's reader fails the whole trace on an unknown type; keep the span readable instead.
        return KeyValue.of(key, "unknown type " + type);
    }
  }

  /**
   * A stable 64-bit hash of everything stored about a span, the {@code span_hash} clustering column:
   * copies of a span id with different content are kept side by side, an identical re-write overwrites.
   * Jaeger hashes the Go gob encoding, which only Go reproduces; any stable hash serves the same role.
   */
  static long hash(Span span) {
    Hasher h = new Hasher();
    h.add(span.traceId().high()).add(span.traceId().low()).add(span.spanId().value())
        .add(span.operationName()).add(span.flags()).add(span.startTimeMicros()).add(span.durationMicros());
    for (SpanRef ref : span.references()) {
      h.add(ref.type().ordinal()).add(ref.traceId().high()).add(ref.traceId().low()).add(ref.spanId().value());
    }
    tags(h.add("tags"), span.tags());
    for (Log log : span.logs()) {
      tags(h.add("log").add(log.timestampNanos()), log.fields());
    }
    tags(h.add("process").add(span.process().serviceName()), span.process().tags());
    return h.value;
  }

  private static void tags(Hasher h, List<KeyValue> tags) {
    for (KeyValue kv : tags) {
      h.add(kv.key()).add(kv.type().ordinal()).add(kv.valueAsString());
    }
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  /** FNV-1a over the bytes, finished with a 64-bit mix. */
  private static final class Hasher {
    long value = 0xcbf29ce484222325L;

    Hasher add(long v) {
      for (int i = 0; i < 8; i++) {
        value = (value ^ ((v >>> (8 * i)) & 0xff)) * 0x100000001b3L;
      }
      return this;
    }

    Hasher add(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      add(bytes.length);
      for (byte b : bytes) {
        value = (value ^ (b & 0xff)) * 0x100000001b3L;
      }
      value ^= value >>> 33;
      value *= 0xff51afd7ed558ccdL;
      value ^= value >>> 33;
      return this;
    }
  }
}
