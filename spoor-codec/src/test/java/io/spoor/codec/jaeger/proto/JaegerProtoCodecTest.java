package io.spoor.codec.jaeger.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.spoor.codec.DecodeException;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.proto.api_v2.Model;
import java.util.List;
import org.junit.jupiter.api.Test;

class JaegerProtoCodecTest {
  private static final long TRACE_HIGH = 0x1122334455667788L;
  private static final long TRACE_LOW = 0x99aabbccddeeff00L;
  private static final long START_NANOS = 1_700_000_000_123_456_789L;

  private final JaegerProtoCodec codec = new JaegerProtoCodec();

  @Test
  void richSpanRoundTrips() {
    Span span = richSpan();

    assertThat(codec.fromSpan(codec.toSpan(span), null)).isEqualTo(span);
    assertThat(codec.decodeSpan(codec.encodeSpan(span))).isEqualTo(span);
  }

  @Test
  void spanWith64BitIdsRoundTrips() {
    Span span = Span.newBuilder().traceId(TraceId.of(0x42)).spanId(SpanId.of(-1L))
        .addReference(SpanRef.childOf(TraceId.of(0x42), SpanId.of(7)))
        .process(Process.of("svc")).build();

    Span decoded = codec.decodeSpan(codec.encodeSpan(span));

    assertThat(decoded).isEqualTo(span);
    assertThat(decoded.traceId().toHex()).isEqualTo("0000000000000042");
    assertThat(decoded.spanId().toHex()).isEqualTo("ffffffffffffffff");
    assertThat(decoded.parentSpanId()).isEqualTo(SpanId.of(7));
  }

  @Test
  void toSpanWritesJaegersWireShape() {
    Model.Span proto = codec.toSpan(richSpan());

    assertThat(proto.getTraceId().toByteArray()).containsExactly(
        0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, 0x00);
    assertThat(proto.getSpanId().toByteArray()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0x10);
    assertThat(proto.getOperationName()).isEqualTo("GET /api");
    assertThat(proto.getFlags()).isEqualTo(3);
    assertThat(proto.getStartTime()).isEqualTo(
        Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(123_456_789).build());
    assertThat(proto.getDuration()).isEqualTo(
        Duration.newBuilder().setSeconds(2).setNanos(500).build());
    assertThat(proto.getReferencesList()).extracting(Model.SpanRef::getRefType).containsExactly(
        Model.SpanRefType.CHILD_OF, Model.SpanRefType.FOLLOWS_FROM, Model.SpanRefType.CHILD_OF);
    assertThat(proto.getReferences(2).getTraceId().toByteArray()).hasSize(16)
        .startsWith(0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(proto.getTagsList()).extracting(Model.KeyValue::getVType).containsExactly(
        Model.ValueType.STRING, Model.ValueType.BOOL, Model.ValueType.INT64, Model.ValueType.FLOAT64,
        Model.ValueType.BINARY);
    assertThat(proto.getTags(0).getVStr()).isEqualTo("server");
    assertThat(proto.getTags(1).getVBool()).isTrue();
    assertThat(proto.getTags(2).getVInt64()).isEqualTo(Long.MIN_VALUE);
    assertThat(proto.getTags(3).getVFloat64()).isEqualTo(Double.MAX_VALUE);
    assertThat(proto.getTags(4).getVBinary()).isEqualTo(ByteString.copyFrom(new byte[] {0, -1}));
    assertThat(proto.getLogs(0).getTimestamp().getNanos()).isEqualTo(123_456_790);
    assertThat(proto.getLogs(0).getFields(0).getKey()).isEqualTo("event");
    assertThat(proto.getLogs(1).getFieldsCount()).isZero();
    assertThat(proto.getProcess().getServiceName()).isEqualTo("frontend");
    assertThat(proto.getProcess().getTags(0).getVInt64()).isEqualTo(8);
    assertThat(proto.getWarningsList()).containsExactly("clock skew adjusted");
    assertThat(proto.getProcessId()).isEmpty();
  }

  @Test
  void eightByteTraceIdIsA64BitId() {
    Model.Span proto = Model.Span.newBuilder()
        .setTraceId(ByteString.copyFrom(TraceId.of(0x42).toBytes(), 8, 8))
        .setSpanId(ByteString.copyFrom(SpanId.of(1).toBytes()))
        .build();

    Span span = codec.fromSpan(proto, Process.of("svc"));

    assertThat(span.traceId()).isEqualTo(TraceId.of(0x42));
  }

  @Test
  void absentIdsAndTimesReadAsZero() {
    Span span = codec.fromSpan(Model.Span.getDefaultInstance(), null);

    assertThat(span.traceId()).isEqualTo(TraceId.ZERO);
    assertThat(span.spanId()).isEqualTo(SpanId.ZERO);
    assertThat(span.startTimeNanos()).isZero();
    assertThat(span.durationNanos()).isZero();
    assertThat(span.process()).isEqualTo(Process.of(""));
  }

  @Test
  void spansWithoutProcessInheritTheBatchProcess() {
    Model.Process batchProcess = Model.Process.newBuilder().setServiceName("batch-svc")
        .addTags(Model.KeyValue.newBuilder().setKey("ip").setVStr("10.0.0.1")).build();
    Model.Process ownProcess = Model.Process.newBuilder().setServiceName("own-svc").build();
    Model.Batch batch = Model.Batch.newBuilder()
        .setProcess(batchProcess)
        .addSpans(protoSpan(1))
        .addSpans(protoSpan(2).toBuilder().setProcess(ownProcess))
        .build();

    List<Span> spans = codec.fromBatch(batch);

    assertThat(spans).extracting(Span::spanId).containsExactly(SpanId.of(1), SpanId.of(2));
    assertThat(spans.get(0).process()).isEqualTo(Process.of("batch-svc", KeyValue.of("ip", "10.0.0.1")));
    assertThat(spans.get(1).process()).isEqualTo(Process.of("own-svc"));
    assertThat(codec.decodeBatch(batch.toByteArray())).isEqualTo(spans);
  }

  @Test
  void spanWithoutAnyProcessGetsAnEmptyServiceName() {
    Model.Batch batch = Model.Batch.newBuilder().addSpans(protoSpan(1)).build();

    assertThat(codec.fromBatch(batch).get(0).process()).isEqualTo(Process.of(""));
  }

  @Test
  void toBatchWritesASharedProcessOnce() {
    Span a = richSpan();
    Span b = a.toBuilder().spanId(SpanId.of(0x11)).build();

    Model.Batch batch = codec.toBatch(List.of(a, b));

    assertThat(batch.hasProcess()).isTrue();
    assertThat(batch.getProcess().getServiceName()).isEqualTo("frontend");
    assertThat(batch.getSpansList()).allSatisfy(s -> assertThat(s.hasProcess()).isFalse());
    assertThat(codec.decodeBatch(codec.encodeBatch(List.of(a, b)))).containsExactly(a, b);
  }

  @Test
  void toBatchKeepsDifferentProcessesOnTheSpans() {
    Span a = richSpan();
    Span b = a.toBuilder().spanId(SpanId.of(0x11)).process(Process.of("backend")).build();

    Model.Batch batch = codec.toBatch(List.of(a, b));

    assertThat(batch.hasProcess()).isFalse();
    assertThat(batch.getSpans(0).getProcess().getServiceName()).isEqualTo("frontend");
    assertThat(batch.getSpans(1).getProcess().getServiceName()).isEqualTo("backend");
    assertThat(codec.fromBatch(batch)).containsExactly(a, b);
    assertThat(codec.toBatch(List.of()).getSpansCount()).isZero();
  }

  @Test
  void timesBeforeTheEpochAndNegativeDurationsRoundTrip() {
    Span span = Span.newBuilder().traceId(TraceId.of(1)).spanId(SpanId.of(2))
        .startTimeNanos(-1_500_000_001L).durationNanos(-2_000_000_003L)
        .addLog(Log.of(-1L)).process(Process.of("svc")).build();

    Model.Span proto = codec.toSpan(span);

    assertThat(proto.getStartTime().getSeconds()).isEqualTo(-2);
    assertThat(proto.getStartTime().getNanos()).isEqualTo(499_999_999);
    assertThat(proto.getDuration().getSeconds()).isEqualTo(-2);
    assertThat(proto.getDuration().getNanos()).isEqualTo(-3);
    assertThat(codec.fromSpan(proto, null)).isEqualTo(span);
  }

  @Test
  void malformedBytesAreADecodeException() {
    byte[] garbage = {(byte) 0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f, 1, 2};

    assertThatThrownBy(() -> codec.decodeBatch(garbage))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Jaeger proto api_v2 batch: ")
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> codec.decodeSpan(new byte[] {(byte) 0x80}))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Jaeger proto api_v2 span: ");
  }

  @Test
  void wrongIdLengthsNameTheField() {
    Model.Batch badTrace = Model.Batch.newBuilder().addSpans(protoSpan(1))
        .addSpans(protoSpan(2).toBuilder().setTraceId(ByteString.copyFrom(new byte[5]))).build();
    Model.Batch badRef = Model.Batch.newBuilder().addSpans(protoSpan(1).toBuilder()
        .addReferences(Model.SpanRef.newBuilder()
            .setTraceId(ByteString.copyFrom(new byte[16]))
            .setSpanId(ByteString.copyFrom(new byte[3])))).build();
    byte[] badSpanId = protoSpan(1).toBuilder().setSpanId(ByteString.copyFrom(new byte[9]))
        .build().toByteArray();

    assertThatThrownBy(() -> codec.decodeBatch(badTrace.toByteArray()))
        .isInstanceOf(DecodeException.class)
        .hasMessage("Jaeger proto api_v2 batch: spans[1].trace_id: 5 bytes"
            + " (expected: 16, or 8 for a 64-bit id)");
    assertThatThrownBy(() -> codec.fromBatch(badRef))
        .isInstanceOf(DecodeException.class)
        .hasMessage("Jaeger proto api_v2 batch: spans[0].references[0].span_id: 3 bytes (expected: 8)");
    assertThatThrownBy(() -> codec.decodeSpan(badSpanId))
        .isInstanceOf(DecodeException.class)
        .hasMessage("Jaeger proto api_v2 span: span_id: 9 bytes (expected: 8)");
  }

  @Test
  void unknownEnumValuesAndBadTimesNameTheField() {
    Model.Span badTagType = protoSpan(1).toBuilder()
        .addTags(Model.KeyValue.newBuilder().setKey("k").setVTypeValue(9)).build();
    Model.Span badRefType = protoSpan(1).toBuilder()
        .addReferences(Model.SpanRef.newBuilder().setRefTypeValue(5)).build();
    Model.Span badNanos = protoSpan(1).toBuilder()
        .addLogs(Model.Log.newBuilder().setTimestamp(Timestamp.newBuilder().setNanos(-1))).build();
    Model.Span overflow = protoSpan(1).toBuilder()
        .setStartTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE / 10)).build();
    Model.Batch badProcessTag = Model.Batch.newBuilder().setProcess(Model.Process.newBuilder()
        .addTags(Model.KeyValue.newBuilder().setKey("k").setVTypeValue(7))).build();

    assertThatThrownBy(() -> codec.fromSpan(badTagType, null))
        .hasMessage("Jaeger proto api_v2 span: tags[0].v_type: 9"
            + " (expected: 0 STRING, 1 BOOL, 2 INT64, 3 FLOAT64 or 4 BINARY)");
    assertThatThrownBy(() -> codec.fromSpan(badRefType, null))
        .hasMessage("Jaeger proto api_v2 span: references[0].ref_type: 5"
            + " (expected: 0 CHILD_OF or 1 FOLLOWS_FROM)");
    assertThatThrownBy(() -> codec.fromSpan(badNanos, null))
        .hasMessage("Jaeger proto api_v2 span: logs[0].timestamp.nanos: -1 (expected: 0 to 999999999)");
    assertThatThrownBy(() -> codec.fromSpan(overflow, null))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Jaeger proto api_v2 span: start_time.seconds: " + Long.MAX_VALUE / 10);
    assertThatThrownBy(() -> codec.fromBatch(badProcessTag))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Jaeger proto api_v2 batch: process.tags[0].v_type: 7");
  }

  private static Model.Span protoSpan(long spanId) {
    return Model.Span.newBuilder()
        .setTraceId(ByteString.copyFrom(TraceId.of(TRACE_HIGH, TRACE_LOW).toBytes()))
        .setSpanId(ByteString.copyFrom(SpanId.of(spanId).toBytes()))
        .setOperationName("op-" + spanId)
        .build();
  }

  /** Every tag type, logs, both reference types, a cross-trace reference, nanosecond times. */
  private static Span richSpan() {
    TraceId traceId = TraceId.of(TRACE_HIGH, TRACE_LOW);
    return Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.of(0x10))
        .operationName("GET /api")
        .addReference(SpanRef.childOf(traceId, SpanId.of(0x0f)))
        .addReference(SpanRef.followsFrom(traceId, SpanId.of(0x0e)))
        .addReference(SpanRef.childOf(TraceId.of(0x0102030405060708L), SpanId.of(0x0d)))
        .flags(3)
        .startTimeNanos(START_NANOS)
        .durationNanos(2_000_000_500L)
        .addTag(KeyValue.of("span.kind", "server"))
        .addTag(KeyValue.of("error", true))
        .addTag(KeyValue.of("min", Long.MIN_VALUE))
        .addTag(KeyValue.of("max", Double.MAX_VALUE))
        .addTag(KeyValue.ofBinary("blob", new byte[] {0, -1}))
        .addLog(Log.of(START_NANOS + 1, KeyValue.of("event", "retry"), KeyValue.of("attempt", 2L)))
        .addLog(Log.of(START_NANOS + 2))
        .process(Process.of("frontend", KeyValue.of("cores", 8L), KeyValue.of("canary", false)))
        .addWarning("clock skew adjusted")
        .build();
  }
}
