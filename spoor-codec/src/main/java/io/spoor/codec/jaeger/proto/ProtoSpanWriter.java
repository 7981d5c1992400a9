package io.spoor.codec.jaeger.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanRef;
import io.spoor.proto.api_v2.Model;

/**
 * Model values to api_v2 protobuf messages. Trace ids are always written as 16 bytes and span ids as
 * 8, big-endian, as Jaeger writes them; times keep their nanoseconds.
 */
final class ProtoSpanWriter {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private ProtoSpanWriter() {}

  /** The span with its own process filled in. */
  static Model.Span writeSpan(Span span) {
    return writeSpanWithoutProcess(span).toBuilder().setProcess(writeProcess(span.process())).build();
  }

  /** The span without a process, for a batch whose process it shares. */
  static Model.Span writeSpanWithoutProcess(Span span) {
    Model.Span.Builder out = Model.Span.newBuilder()
        .setTraceId(ByteString.copyFrom(span.traceId().toBytes()))
        .setSpanId(ByteString.copyFrom(span.spanId().toBytes()))
        .setOperationName(span.operationName())
        .setFlags(span.flags())
        .setStartTime(timestamp(span.startTimeNanos()))
        .setDuration(duration(span.durationNanos()))
        .addAllWarnings(span.warnings());
    for (SpanRef ref : span.references()) {
      out.addReferences(Model.SpanRef.newBuilder()
          .setTraceId(ByteString.copyFrom(ref.traceId().toBytes()))
          .setSpanId(ByteString.copyFrom(ref.spanId().toBytes()))
          .setRefType(ref.type() == RefType.CHILD_OF
              ? Model.SpanRefType.CHILD_OF
              : Model.SpanRefType.FOLLOWS_FROM));
    }
    for (KeyValue tag : span.tags()) {
      out.addTags(keyValue(tag));
    }
    for (Log log : span.logs()) {
      Model.Log.Builder protoLog = Model.Log.newBuilder().setTimestamp(timestamp(log.timestampNanos()));
      for (KeyValue field : log.fields()) {
        protoLog.addFields(keyValue(field));
      }
      out.addLogs(protoLog);
    }
    return out.build();
  }

  static Model.Process writeProcess(Process process) {
    Model.Process.Builder out = Model.Process.newBuilder().setServiceName(process.serviceName());
    for (KeyValue tag : process.tags()) {
      out.addTags(keyValue(tag));
    }
    return out.build();
  }

  private static Model.KeyValue keyValue(KeyValue kv) {
    Model.KeyValue.Builder out = Model.KeyValue.newBuilder().setKey(kv.key());
    switch (kv.type()) {
      case STRING:
        return out.setVType(Model.ValueType.STRING).setVStr(kv.stringValue()).build();
      case BOOL:
        return out.setVType(Model.ValueType.BOOL).setVBool(kv.boolValue()).build();
      case INT64:
        return out.setVType(Model.ValueType.INT64).setVInt64(kv.longValue()).build();
      case FLOAT64:
        return out.setVType(Model.ValueType.FLOAT64).setVFloat64(kv.doubleValue()).build();
      case BINARY:
        return out.setVType(Model.ValueType.BINARY)
            .setVBinary(ByteString.copyFrom(kv.binaryValue()))
            .build();
      default:
        throw new AssertionError(kv.type());
    }
  }

  /** Seconds rounded down, so that nanos is always in [0, 1e9) as Timestamp requires. */
  static Timestamp timestamp(long epochNanos) {
    return Timestamp.newBuilder()
        .setSeconds(Math.floorDiv(epochNanos, NANOS_PER_SECOND))
        .setNanos((int) Math.floorMod(epochNanos, NANOS_PER_SECOND))
        .build();
  }

  /** Seconds truncated toward zero, so that seconds and nanos share a sign as Duration requires. */
  static Duration duration(long nanos) {
    return Duration.newBuilder()
        .setSeconds(nanos / NANOS_PER_SECOND)
        .setNanos((int) (nanos % NANOS_PER_SECOND))
        .build();
  }
}
