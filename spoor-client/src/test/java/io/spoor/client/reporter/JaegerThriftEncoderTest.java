package io.spoor.client.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentracing.References;
import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorTracer;
import io.spoor.client.sampler.ConstSampler;
import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the hand-written encoder writes is decoded by spoor-codec (libthrift underneath), field by field. */
class JaegerThriftEncoderTest {
  final AtomicLong ids = new AtomicLong(-5); // negative ids exercise zigzag and sign handling
  final InMemoryReporter reporter = new InMemoryReporter();
  final SpoorTracer tracer = SpoorTracer.builder("cart").sampler(new ConstSampler(true)).reporter(reporter)
      .random(() -> ids.getAndAdd(0x1111_1111_1111L)).traceId128Bit().processTag("hostname", "node-1")
      .processTag("pid", 42).processTag("ratio", 0.5).processTag("canary", false).build();
  final JaegerThriftCodec codec = new JaegerThriftCodec();

  private List<SpoorSpan> spans() {
    SpoorSpan root = (SpoorSpan) tracer.buildSpan("GET /cart").withStartTimestamp(1_700_000_000_123_456L)
        .withTag("http.status_code", 200).withTag("error", true).withTag("long", Long.MIN_VALUE)
        .withTag("double", -2.5).withTag("float", 1.5f).withTag("s", "välue").start();
    for (int i = 0; i < 20; i++) {
      root.setTag("t" + i, i * 1000L); // more than 14 list elements: the long list header
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", "error");
    fields.put("payload", new byte[] {1, 2, 3});
    fields.put("count", 3);
    root.log(1_700_000_000_200_000L, fields);
    root.finish(1_700_000_000_623_456L);
    SpoorSpan other = (SpoorSpan) tracer.buildSpan("other").start();
    SpoorSpan child = (SpoorSpan) tracer.buildSpan("child").asChildOf(root)
        .addReference(References.FOLLOWS_FROM, other.context()).withStartTimestamp(1_700_000_000_200_000L).start();
    child.finish(1_700_000_000_300_000L);
    return List.of(root, child);
  }

  private void assertDecoded(List<Span> decoded, List<SpoorSpan> sent) {
    assertThat(decoded).hasSize(2);
    Span root = decoded.get(0);
    SpoorSpan sentRoot = sent.get(0);
    assertThat(root.traceId()).isEqualTo(TraceId.of(sentRoot.context().traceIdHigh(), sentRoot.context().traceIdLow()));
    assertThat(root.traceId().high()).isNotZero();
    assertThat(root.spanId()).isEqualTo(SpanId.of(sentRoot.context().spanId()));
    assertThat(root.operationName()).isEqualTo("GET /cart");
    assertThat(root.flags()).isEqualTo(1);
    assertThat(root.startTimeMicros()).isEqualTo(1_700_000_000_123_456L);
    assertThat(root.durationMicros()).isEqualTo(500_000);
    assertThat(root.references()).isEmpty();
    assertThat(root.process().serviceName()).isEqualTo("cart");
    assertThat(root.process().tags()).containsExactlyInAnyOrder(KeyValue.of("hostname", "node-1"),
        KeyValue.of("pid", 42L), KeyValue.of("ratio", 0.5), KeyValue.of("canary", false));
    List<KeyValue> expectedTags = new ArrayList<>(List.of(KeyValue.of("sampler.type", "const"),
        KeyValue.of("sampler.param", true), KeyValue.of("http.status_code", 200L), KeyValue.of("error", true),
        KeyValue.of("long", Long.MIN_VALUE), KeyValue.of("double", -2.5), KeyValue.of("float", 1.5),
        KeyValue.of("s", "välue")));
    for (int i = 0; i < 20; i++) {
      expectedTags.add(KeyValue.of("t" + i, i * 1000L));
    }
    assertThat(root.tags()).containsExactlyElementsOf(expectedTags);
    assertThat(root.logs()).containsExactly(Log.of(1_700_000_000_200_000_000L, KeyValue.of("event", "error"),
        KeyValue.ofBinary("payload", new byte[] {1, 2, 3}), KeyValue.of("count", 3L)));
    assertThat(root.logs().get(0).fields().get(1).type()).isEqualTo(ValueType.BINARY);

    Span child = decoded.get(1);
    SpoorSpan sentChild = sent.get(1);
    assertThat(child.parentSpanId()).isEqualTo(root.spanId());
    assertThat(child.references()).containsExactly(SpanRef.childOf(root.traceId(), root.spanId()),
        new SpanRef(RefType.FOLLOWS_FROM, TraceId.of(sentChild.references().get(1).context().traceIdHigh(),
            sentChild.references().get(1).context().traceIdLow()),
            SpanId.of(sentChild.references().get(1).context().spanId())));
    assertThat(child.durationMicros()).isEqualTo(100_000);
  }

  @Test
  void compactEmitBatchDecodes() {
    List<SpoorSpan> sent = spans();
    JaegerThriftEncoder encoder = new JaegerThriftEncoder(ThriftOutput.compact());
    byte[] process = encoder.process("cart", tracer.processTags());
    List<byte[]> encoded = sent.stream().map(encoder::span).toList();
    byte[] datagram = encoder.emitBatch(process, encoded, 7);
    assertDecoded(codec.decodeAgentMessage(datagram, ThriftProtocol.COMPACT), sent);
    int parts = process.length + encoded.stream().mapToInt(b -> b.length).sum();
    assertThat(datagram.length - parts).isBetween(1, JaegerThriftEncoder.EMIT_BATCH_OVERHEAD);
  }

  @Test
  void binaryBatchAndEmitBatchDecode() {
    List<SpoorSpan> sent = spans();
    JaegerThriftEncoder encoder = new JaegerThriftEncoder(ThriftOutput.binary());
    byte[] process = encoder.process("cart", tracer.processTags());
    List<byte[]> encoded = sent.stream().map(encoder::span).toList();
    assertDecoded(codec.decodeBatch(encoder.batch(process, encoded), ThriftProtocol.BINARY), sent);
    assertDecoded(codec.decodeAgentMessage(encoder.emitBatch(process, encoded, 1), ThriftProtocol.BINARY), sent);
  }
}
