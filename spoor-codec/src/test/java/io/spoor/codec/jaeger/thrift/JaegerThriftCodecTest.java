package io.spoor.codec.jaeger.thrift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jaegertracing.agent.thrift.Agent;
import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.SpanRefType;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import io.spoor.codec.DecodeException;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolFactory;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decodes bytes written by jaeger-client's generated Thrift classes ({@code jaeger-thrift} 1.8.1) and
 * has them read what Spoor writes. Malformed input is covered by {@link JaegerThriftHostileInputTest}.
 */
class JaegerThriftCodecTest {
  static final long TRACE_HIGH = 0x1122334455667788L;
  static final long TRACE_LOW = 0x99aabbccddeeff00L;
  static final long OTHER_TRACE_LOW = 0x0102030405060708L;
  static final long START_MICROS = 1_700_000_000_123_456L;

  private final JaegerThriftCodec codec = new JaegerThriftCodec();

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void decodesRichBatchWrittenByJaegerThrift(ThriftProtocol protocol) throws Exception {
    byte[] bytes = new TSerializer(factory(protocol)).serialize(richBatch());

    List<Span> spans = codec.decodeBatch(bytes, protocol);

    assertRichBatch(spans);
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void decodesAgentEmitBatchWrittenByJaegerAgentClient(ThriftProtocol protocol) throws Exception {
    TMemoryBuffer buffer = new TMemoryBuffer(1024);
    new Agent.Client(factory(protocol).getProtocol(buffer)).emitBatch(richBatch());
    byte[] datagram = java.util.Arrays.copyOf(buffer.getArray(), buffer.length());

    List<Span> spans = codec.decodeAgentMessage(datagram, protocol);

    assertRichBatch(spans);
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void refusesEmitZipkinBatch(ThriftProtocol protocol) throws Exception {
    TMemoryBuffer buffer = new TMemoryBuffer(64);
    new Agent.Client(factory(protocol).getProtocol(buffer)).emitZipkinBatch(List.of());
    byte[] datagram = java.util.Arrays.copyOf(buffer.getArray(), buffer.length());

    assertThatThrownBy(() -> codec.decodeAgentMessage(datagram, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("agent message: method emitZipkinBatch (expected: emitBatch");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void unknownTagTypeBecomesStringTagAsInJaeger(ThriftProtocol protocol) throws Exception {
    Batch batch = new Batch(new io.jaegertracing.thriftjava.Process("svc"), List.of(
        new io.jaegertracing.thriftjava.Span(1, 0, 2, 0, "op", 1, START_MICROS, 5)
            .setTags(List.of(new Tag("weird", TagType.BINARY).setVBinary(new byte[] {1})))));
    byte[] bytes = new TSerializer(factory(protocol)).serialize(batch);
    // TagType.BINARY is 4 on the wire; rewrite it to 9, a type jaeger.thrift does not define.
    byte[] patched = replaceTagType(bytes, protocol);

    Span span = codec.decodeBatch(patched, protocol).get(0);

    assertThat(span.tags()).containsExactly(KeyValue.of("weird", "Unknown VType: 9"));
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void jaegerThriftReadsWhatSpoorWrites(ThriftProtocol protocol) throws Exception {
    List<Span> spans = richModelSpans();

    byte[] bytes = codec.encodeBatch(spans.get(0).process(), spans, protocol);
    Batch batch = new Batch();
    new TDeserializer(factory(protocol)).deserialize(batch, bytes);

    assertThat(batch.getProcess().getServiceName()).isEqualTo("frontend");
    assertThat(batch.getProcess().getTags()).hasSize(1);
    assertThat(batch.getProcess().getTags().get(0).getVStr()).isEqualTo("10.0.0.1");
    assertThat(batch.getSpans()).hasSize(2);
    io.jaegertracing.thriftjava.Span rich = batch.getSpans().get(0);
    assertThat(rich.getTraceIdHigh()).isEqualTo(TRACE_HIGH);
    assertThat(rich.getTraceIdLow()).isEqualTo(TRACE_LOW);
    assertThat(rich.getSpanId()).isEqualTo(0x10);
    assertThat(rich.getParentSpanId()).isEqualTo(0x0f);
    assertThat(rich.getOperationName()).isEqualTo("GET /api");
    assertThat(rich.getFlags()).isEqualTo(3);
    assertThat(rich.getStartTime()).isEqualTo(START_MICROS);
    assertThat(rich.getDuration()).isEqualTo(1234);
    assertThat(rich.getReferences()).hasSize(3);
    assertThat(rich.getReferences().get(1).getRefType()).isEqualTo(SpanRefType.FOLLOWS_FROM);
    assertThat(rich.getReferences().get(2).getTraceIdLow()).isEqualTo(OTHER_TRACE_LOW);
    assertThat(rich.getReferences().get(2).getTraceIdHigh()).isZero();
    List<Tag> tags = rich.getTags();
    assertThat(tags).extracting(Tag::getVType).containsExactly(
        TagType.STRING, TagType.BOOL, TagType.LONG, TagType.DOUBLE, TagType.BINARY);
    assertThat(tags.get(0).getVStr()).isEqualTo("server");
    assertThat(tags.get(1).isVBool()).isTrue();
    assertThat(tags.get(2).getVLong()).isEqualTo(-42L);
    assertThat(tags.get(3).getVDouble()).isEqualTo(0.25);
    assertThat(tags.get(4).getVBinary()).containsExactly(0, 1, 2, (byte) 0xff);
    assertThat(rich.getLogs()).hasSize(1);
    assertThat(rich.getLogs().get(0).getTimestamp()).isEqualTo(START_MICROS + 7);
    assertThat(rich.getLogs().get(0).getFields().get(0).getVStr()).isEqualTo("retry");
    io.jaegertracing.thriftjava.Span plain = batch.getSpans().get(1);
    assertThat(plain.getParentSpanId()).isZero();
    assertThat(plain.isSetReferences()).isFalse();
    assertThat(plain.isSetTags()).isFalse();
    assertThat(plain.isSetLogs()).isFalse();
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void jaegerAgentProcessorAcceptsSpoorEmitBatch(ThriftProtocol protocol) throws Exception {
    List<Span> spans = richModelSpans();
    byte[] datagram = codec.encodeEmitBatch(spans.get(0).process(), spans, protocol, 7);
    List<Batch> received = new ArrayList<>();
    Agent.Iface handler = new Agent.Iface() {
      @Override
      public void emitZipkinBatch(List<com.twitter.zipkin.thriftjava.Span> zipkinSpans) {
        throw new AssertionError("emitZipkinBatch");
      }

      @Override
      public void emitBatch(Batch batch) {
        received.add(batch);
      }
    };
    TProtocol in = factory(protocol).getProtocol(new TMemoryInputTransport(datagram));
    TProtocol out = factory(protocol).getProtocol(new TMemoryBuffer(64));

    new Agent.Processor<>(handler).process(in, out);

    assertThat(received).hasSize(1);
    assertThat(received.get(0).getSpans()).hasSize(2);
    assertThat(received.get(0).getSpans().get(0).getSpanId()).isEqualTo(0x10);
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void ownEncodingRoundTrips(ThriftProtocol protocol) {
    List<Span> spans = richModelSpans();
    Process process = spans.get(0).process();

    assertThat(codec.decodeBatch(codec.encodeBatch(process, spans, protocol), protocol))
        .isEqualTo(spans);
    assertThat(codec.decodeAgentMessage(codec.encodeEmitBatch(process, spans, protocol, 1), protocol))
        .isEqualTo(spans);
    assertThat(codec.decodeBatch(codec.encodeBatch(process, List.of(), protocol), protocol)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void encodingTruncatesTimesToMicroseconds(ThriftProtocol protocol) {
    Process process = Process.of("svc");
    Span span = Span.newBuilder().traceId(TraceId.of(1)).spanId(SpanId.of(2)).process(process)
        .startTimeNanos(START_MICROS * 1000 + 999).durationNanos(1999)
        .addLog(Log.of(START_MICROS * 1000 + 1, KeyValue.of("k", "v"))).build();

    Span decoded = codec.decodeBatch(codec.encodeBatch(process, List.of(span), protocol), protocol)
        .get(0);

    assertThat(decoded.startTimeNanos()).isEqualTo(START_MICROS * 1000);
    assertThat(decoded.durationNanos()).isEqualTo(1000);
    assertThat(decoded.logs().get(0).timestampNanos()).isEqualTo(START_MICROS * 1000);
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void encodingRefusesSpansOfAnotherProcess(ThriftProtocol protocol) {
    List<Span> spans = richModelSpans();

    assertThatThrownBy(() -> codec.encodeBatch(Process.of("other"), spans, protocol))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("spans[0].process: ")
        .hasMessageContaining("(expected: the batch process ");
  }

  /** A batch with every tag type, logs, both ref types, a cross-trace ref and the parent rules. */
  static Batch richBatch() {
    var process = new io.jaegertracing.thriftjava.Process("frontend").setTags(List.of(
        new Tag("hostname", TagType.STRING).setVStr("host-1"),
        new Tag("cores", TagType.LONG).setVLong(8),
        new Tag("load", TagType.DOUBLE).setVDouble(0.75),
        new Tag("canary", TagType.BOOL).setVBool(true),
        new Tag("key", TagType.BINARY).setVBinary(new byte[] {(byte) 0xca, (byte) 0xfe})));
    // parent 0x0f has no reference: Jaeger adds a CHILD_OF for it, first.
    var rich = new io.jaegertracing.thriftjava.Span(
            TRACE_LOW, TRACE_HIGH, 0x10, 0x0f, "GET /api", 3, START_MICROS, 1234)
        .setReferences(List.of(
            new io.jaegertracing.thriftjava.SpanRef(SpanRefType.FOLLOWS_FROM, TRACE_LOW, TRACE_HIGH, 0x0e),
            new io.jaegertracing.thriftjava.SpanRef(SpanRefType.CHILD_OF, OTHER_TRACE_LOW, 0, 0x0d)))
        .setTags(List.of(
            new Tag("span.kind", TagType.STRING).setVStr("server"),
            new Tag("error", TagType.BOOL).setVBool(true),
            new Tag("http.status_code", TagType.LONG).setVLong(503),
            new Tag("ratio", TagType.DOUBLE).setVDouble(-1.5e-3),
            new Tag("blob", TagType.BINARY).setVBinary(new byte[] {0, 1, 2, (byte) 0xff})))
        .setLogs(List.of(
            new io.jaegertracing.thriftjava.Log(START_MICROS + 7, List.of(
                new Tag("event", TagType.STRING).setVStr("retry"),
                new Tag("attempt", TagType.LONG).setVLong(2))),
            new io.jaegertracing.thriftjava.Log(START_MICROS + 9, List.of())));
    // 64-bit trace, no parent, no optional fields.
    var plain = new io.jaegertracing.thriftjava.Span(0x77, 0, 0x20, 0, "", 0, START_MICROS, 0);
    // parent 0x0e is already referenced (FOLLOWS_FROM): Jaeger adds nothing.
    var referenced = new io.jaegertracing.thriftjava.Span(
            TRACE_LOW, TRACE_HIGH, 0x30, 0x0e, "child", 1, START_MICROS + 1, 1)
        .setReferences(List.of(
            new io.jaegertracing.thriftjava.SpanRef(SpanRefType.FOLLOWS_FROM, TRACE_LOW, TRACE_HIGH, 0x0e)));
    return new Batch(process, List.of(rich, plain, referenced));
  }

  static void assertRichBatch(List<Span> spans) {
    assertThat(spans).hasSize(3);
    Process process = spans.get(0).process();
    assertThat(process.serviceName()).isEqualTo("frontend");
    assertThat(process.tags()).hasSize(5);
    assertThat(process.tags().get(0)).isEqualTo(KeyValue.of("hostname", "host-1"));
    assertThat(process.tags().get(1)).isEqualTo(KeyValue.of("cores", 8L));
    assertThat(process.tags().get(2)).isEqualTo(KeyValue.of("load", 0.75));
    assertThat(process.tags().get(3)).isEqualTo(KeyValue.of("canary", true));
    assertThat(process.tags().get(4).binaryValue()).containsExactly(0xca, 0xfe);
    assertThat(spans).allSatisfy(s -> assertThat(s.process()).isSameAs(process));

    Span rich = spans.get(0);
    TraceId traceId = TraceId.of(TRACE_HIGH, TRACE_LOW);
    assertThat(rich.traceId()).isEqualTo(traceId);
    assertThat(rich.traceId().toHex()).isEqualTo("112233445566778899aabbccddeeff00");
    assertThat(rich.spanId()).isEqualTo(SpanId.of(0x10));
    assertThat(rich.operationName()).isEqualTo("GET /api");
    assertThat(rich.references()).containsExactly(
        SpanRef.childOf(traceId, SpanId.of(0x0f)),
        SpanRef.followsFrom(traceId, SpanId.of(0x0e)),
        SpanRef.childOf(TraceId.of(OTHER_TRACE_LOW), SpanId.of(0x0d)));
    assertThat(rich.parentSpanId()).isEqualTo(SpanId.of(0x0f));
    assertThat(rich.flags()).isEqualTo(3);
    assertThat(rich.startTimeNanos()).isEqualTo(START_MICROS * 1000);
    assertThat(rich.durationNanos()).isEqualTo(1_234_000);
    assertThat(rich.tags()).extracting(KeyValue::type).containsExactly(
        ValueType.STRING, ValueType.BOOL, ValueType.INT64, ValueType.FLOAT64, ValueType.BINARY);
    assertThat(rich.tags().get(0)).isEqualTo(KeyValue.of("span.kind", "server"));
    assertThat(rich.tags().get(1)).isEqualTo(KeyValue.of("error", true));
    assertThat(rich.tags().get(2)).isEqualTo(KeyValue.of("http.status_code", 503L));
    assertThat(rich.tags().get(3)).isEqualTo(KeyValue.of("ratio", -1.5e-3));
    assertThat(rich.tags().get(4).binaryValue()).containsExactly(0, 1, 2, 0xff);
    assertThat(rich.logs()).containsExactly(
        Log.of((START_MICROS + 7) * 1000, KeyValue.of("event", "retry"), KeyValue.of("attempt", 2L)),
        Log.of((START_MICROS + 9) * 1000));
    assertThat(rich.warnings()).isEmpty();

    Span plain = spans.get(1);
    assertThat(plain.traceId()).isEqualTo(TraceId.of(0x77));
    assertThat(plain.traceId().toHex()).isEqualTo("0000000000000077");
    assertThat(plain.spanId()).isEqualTo(SpanId.of(0x20));
    assertThat(plain.operationName()).isEmpty();
    assertThat(plain.references()).isEmpty();
    assertThat(plain.parentSpanId()).isEqualTo(SpanId.ZERO);
    assertThat(plain.flags()).isZero();
    assertThat(plain.durationNanos()).isZero();
    assertThat(plain.tags()).isEmpty();
    assertThat(plain.logs()).isEmpty();

    Span referenced = spans.get(2);
    assertThat(referenced.references()).containsExactly(SpanRef.followsFrom(traceId, SpanId.of(0x0e)));
    assertThat(referenced.parentSpanId()).isEqualTo(SpanId.ZERO);
  }

  /** Two spans of one process: one with everything, one with nothing optional. */
  static List<Span> richModelSpans() {
    Process process = Process.of("frontend", KeyValue.of("ip", "10.0.0.1"));
    TraceId traceId = TraceId.of(TRACE_HIGH, TRACE_LOW);
    Span rich = Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.of(0x10))
        .operationName("GET /api")
        .addReference(SpanRef.childOf(traceId, SpanId.of(0x0f)))
        .addReference(SpanRef.followsFrom(traceId, SpanId.of(0x0e)))
        .addReference(SpanRef.childOf(TraceId.of(OTHER_TRACE_LOW), SpanId.of(0x0d)))
        .flags(3)
        .startTimeMicros(START_MICROS)
        .durationMicros(1234)
        .addTag(KeyValue.of("span.kind", "server"))
        .addTag(KeyValue.of("error", true))
        .addTag(KeyValue.of("n", -42L))
        .addTag(KeyValue.of("ratio", 0.25))
        .addTag(KeyValue.ofBinary("blob", new byte[] {0, 1, 2, (byte) 0xff}))
        .addLog(Log.of((START_MICROS + 7) * 1000, KeyValue.of("event", "retry")))
        .process(process)
        .build();
    Span plain = Span.newBuilder()
        .traceId(TraceId.of(5))
        .spanId(SpanId.of(6))
        .startTimeMicros(START_MICROS)
        .process(process)
        .build();
    return List.of(rich, plain);
  }

  static TProtocolFactory factory(ThriftProtocol protocol) {
    return protocol == ThriftProtocol.BINARY
        ? new TBinaryProtocol.Factory()
        : new TCompactProtocol.Factory();
  }

  /** Rewrites the one tag's vType from 4 (BINARY) to 9 in a serialized single-tag batch. */
  private static byte[] replaceTagType(byte[] bytes, ThriftProtocol protocol) {
    // binary: field header (type I32=8, id 2) then a 4-byte int 4; compact: header 0x15, zigzag(4)=8
    byte[] pattern = protocol == ThriftProtocol.BINARY
        ? new byte[] {8, 0, 2, 0, 0, 0, 4}
        : new byte[] {0x15, 8};
    byte[] replacement = protocol == ThriftProtocol.BINARY
        ? new byte[] {8, 0, 2, 0, 0, 0, 9}
        : new byte[] {0x15, 18};
    byte[] out = bytes.clone();
    for (int i = 0; i + pattern.length <= out.length; i++) {
      if (java.util.Arrays.equals(out, i, i + pattern.length, pattern, 0, pattern.length)) {
        System.arraycopy(replacement, 0, out, i, replacement.length);
        return out;
      }
    }
    throw new AssertionError("vType field not found");
  }
}
