package io.spoor.client.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.propagation.B3TextMapCodec;
import io.jaegertracing.internal.propagation.TraceContextCodec;
import io.jaegertracing.internal.reporters.InMemoryReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.opentracing.propagation.Binary;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMap;
import io.opentracing.propagation.TextMapAdapter;
import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorSpanContext;
import io.spoor.client.SpoorTracer;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contexts go from Spoor to jaeger-client-java 1.8.1 and back, in every format both support. */
class JaegerClientInteropTest {
  static final String ODD_VALUE = "a b,c=d/é%;";

  final io.spoor.client.reporter.InMemoryReporter spoorReporter = new io.spoor.client.reporter.InMemoryReporter();
  final SpoorTracer spoor = SpoorTracer.builder("spoor-side").sampler(new io.spoor.client.sampler.ConstSampler(true))
      .reporter(spoorReporter).traceId128Bit()
      .propagation(List.of(PropagationFormat.JAEGER)).build();
  final JaegerTracer jaeger = new JaegerTracer.Builder("jaeger-side").withSampler(new ConstSampler(true))
      .withReporter(new InMemoryReporter()).withTraceId128Bit().build();

  @AfterEach
  void close() {
    spoor.close();
    jaeger.close();
  }

  private SpoorSpan spoorParent() {
    SpoorSpan span = (SpoorSpan) spoor.buildSpan("spoor-op").start();
    span.setBaggageItem("plain", "v1");
    span.setBaggageItem("odd", ODD_VALUE);
    return span;
  }

  private static void assertSameIds(SpoorSpanContext s, JaegerSpanContext j) {
    assertThat(j.getTraceIdHigh()).isEqualTo(s.traceIdHigh());
    assertThat(j.getTraceIdLow()).isEqualTo(s.traceIdLow());
    assertThat(j.getSpanId()).isEqualTo(s.spanId());
    assertThat(j.getParentId()).isEqualTo(s.parentId());
    assertThat(j.getFlags()).isEqualTo(s.flags());
  }

  @ParameterizedTest
  @ValueSource(strings = {"TEXT_MAP", "HTTP_HEADERS"})
  void spoorToJaegerText(String formatName) {
    Format<TextMap> format = formatName.equals("TEXT_MAP") ? Format.Builtin.TEXT_MAP : Format.Builtin.HTTP_HEADERS;
    SpoorSpan parent = spoorParent();
    Map<String, String> carrier = new LinkedHashMap<>();
    spoor.inject(parent.context(), format, new TextMapAdapter(carrier));

    JaegerSpanContext extracted = jaeger.extract(format, new TextMapAdapter(carrier));
    assertSameIds(parent.context(), extracted);
    assertThat(extracted.getBaggageItem("plain")).isEqualTo("v1");
    assertThat(extracted.getBaggageItem("odd")).isEqualTo(ODD_VALUE);
    JaegerSpan child = jaeger.buildSpan("jaeger-child").asChildOf(extracted).start();
    assertThat(child.context().getParentId()).isEqualTo(parent.context().spanId());
    assertThat(child.context().getTraceIdLow()).isEqualTo(parent.context().traceIdLow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"TEXT_MAP", "HTTP_HEADERS"})
  void jaegerToSpoorText(String formatName) {
    Format<TextMap> format = formatName.equals("TEXT_MAP") ? Format.Builtin.TEXT_MAP : Format.Builtin.HTTP_HEADERS;
    JaegerSpan parent = jaeger.buildSpan("jaeger-op").start();
    parent.setBaggageItem("odd", ODD_VALUE);
    Map<String, String> carrier = new LinkedHashMap<>();
    jaeger.inject(parent.context(), format, new TextMapAdapter(carrier));

    SpoorSpanContext extracted = (SpoorSpanContext) spoor.extract(format, new TextMapAdapter(carrier));
    assertThat(extracted).isNotNull();
    assertSameIds(extracted, parent.context());
    assertThat(extracted.baggage()).containsExactly(Map.entry("odd", ODD_VALUE));
    SpoorSpan child = (SpoorSpan) spoor.buildSpan("spoor-child").asChildOf(extracted).start();
    assertThat(child.context().parentId()).isEqualTo(parent.context().getSpanId());
    assertThat(child.context().baggage()).containsEntry("odd", ODD_VALUE);
  }

  private static Binary binary(ByteBuffer buffer) {
    return new Binary() {
      @Override
      public ByteBuffer injectionBuffer(int length) {
        return buffer;
      }

      @Override
      public ByteBuffer extractionBuffer() {
        return buffer;
      }
    };
  }

  @Test
  void binaryBothWays() {
    SpoorSpan parent = spoorParent();
    ByteBuffer buffer = ByteBuffer.allocate(512);
    spoor.inject(parent.context(), Format.Builtin.BINARY, binary(buffer));
    buffer.flip();
    JaegerSpanContext inJaeger = jaeger.extract(Format.Builtin.BINARY, binary(buffer));
    assertSameIds(parent.context(), inJaeger);
    assertThat(inJaeger.getBaggageItem("odd")).isEqualTo(ODD_VALUE);

    JaegerSpan jaegerSpan = jaeger.buildSpan("j").start();
    jaegerSpan.setBaggageItem("k", "v");
    ByteBuffer back = ByteBuffer.allocate(512);
    jaeger.inject(jaegerSpan.context(), Format.Builtin.BINARY, binary(back));
    back.flip();
    SpoorSpanContext inSpoor = (SpoorSpanContext) spoor.extract(Format.Builtin.BINARY,
        binary(back));
    assertSameIds(inSpoor, jaegerSpan.context());
    assertThat(inSpoor.baggage()).containsExactly(Map.entry("k", "v"));
  }

  @Test
  void b3AndW3cBothWaysWithJaegerCodecs() {
    B3TextMapCodec b3 = new B3TextMapCodec.Builder().build();
    TraceContextCodec w3c = new TraceContextCodec.Builder().build();
    JaegerTracer jaegerB3 = new JaegerTracer.Builder("jb3").withSampler(new ConstSampler(true))
        .withReporter(new InMemoryReporter()).withTraceId128Bit()
        .registerInjector(Format.Builtin.HTTP_HEADERS, b3).registerExtractor(Format.Builtin.HTTP_HEADERS, b3).build();
    JaegerTracer jaegerW3c = new JaegerTracer.Builder("jw3c").withSampler(new ConstSampler(true))
        .withReporter(new InMemoryReporter()).withTraceId128Bit()
        .registerInjector(Format.Builtin.HTTP_HEADERS, w3c).registerExtractor(Format.Builtin.HTTP_HEADERS, w3c).build();
    SpoorTracer spoorB3 = SpoorTracer.builder("sb3").sampler(new io.spoor.client.sampler.ConstSampler(true))
        .reporter(spoorReporter).traceId128Bit().propagation(List.of(PropagationFormat.B3)).build();
    SpoorTracer spoorW3c = SpoorTracer.builder("sw3c").sampler(new io.spoor.client.sampler.ConstSampler(true))
        .reporter(spoorReporter).traceId128Bit().propagation(List.of(PropagationFormat.W3C)).build();
    try {
      for (var pair : List.of(List.of(spoorB3, jaegerB3), List.of(spoorW3c, jaegerW3c))) {
        SpoorTracer s = (SpoorTracer) pair.get(0);
        JaegerTracer j = (JaegerTracer) pair.get(1);
        SpoorSpanContext sc = (SpoorSpanContext) s.buildSpan("x").start().context();
        Map<String, String> carrier = new LinkedHashMap<>();
        s.inject(sc, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(carrier));
        JaegerSpanContext jc = j.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(carrier));
        assertThat(jc.getTraceIdHigh()).as(carrier.toString()).isEqualTo(sc.traceIdHigh());
        assertThat(jc.getTraceIdLow()).isEqualTo(sc.traceIdLow());
        assertThat(jc.getSpanId()).isEqualTo(sc.spanId());
        assertThat(jc.isSampled()).isTrue();

        JaegerSpanContext jOut = j.buildSpan("y").start().context();
        Map<String, String> back = new LinkedHashMap<>();
        j.inject(jOut, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(back));
        SpoorSpanContext sIn = (SpoorSpanContext) s.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(back));
        assertThat(sIn).as(back.toString()).isNotNull();
        assertThat(sIn.traceIdHigh()).isEqualTo(jOut.getTraceIdHigh());
        assertThat(sIn.traceIdLow()).isEqualTo(jOut.getTraceIdLow());
        assertThat(sIn.spanId()).isEqualTo(jOut.getSpanId());
        assertThat(sIn.isSampled()).isTrue();
      }
    } finally {
      jaegerB3.close();
      jaegerW3c.close();
      spoorB3.close();
      spoorW3c.close();
    }
  }
}
