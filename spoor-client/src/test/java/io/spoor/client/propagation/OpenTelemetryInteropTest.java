package io.spoor.client.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.extension.trace.propagation.B3Propagator;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorSpanContext;
import io.spoor.client.SpoorTracer;
import io.spoor.client.reporter.InMemoryReporter;
import io.spoor.client.sampler.ConstSampler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Contexts go from Spoor to the OpenTelemetry API's W3C and B3 propagators and back. */
class OpenTelemetryInteropTest {
  static final TextMapGetter<Map<String, String>> GETTER = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }
  };

  static SpoorTracer tracer(PropagationFormat... formats) {
    return SpoorTracer.builder("s").sampler(new ConstSampler(true)).reporter(new InMemoryReporter())
        .traceId128Bit().propagation(List.of(formats)).build();
  }

  static Map<String, String> otelInject(TextMapPropagator propagator, Context context) {
    Map<String, String> carrier = new LinkedHashMap<>();
    propagator.inject(context, carrier, Map::put);
    return carrier;
  }

  static Context otelContext(boolean sampled, TraceState state) {
    SpanContext parent = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
        sampled ? TraceFlags.getSampled() : TraceFlags.getDefault(), state);
    return Context.root().with(Span.wrap(parent));
  }

  @Test
  void w3cTraceContextAndBaggageBothWays() {
    SpoorTracer spoor = tracer(PropagationFormat.W3C);
    SpoorSpan span = (SpoorSpan) spoor.buildSpan("op").start();
    span.setBaggageItem("user", "ann lee,%");
    Map<String, String> headers = new LinkedHashMap<>();
    spoor.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));

    Context extracted = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
    SpanContext otel = Span.fromContext(extracted).getSpanContext();
    assertThat(otel.isValid()).isTrue();
    assertThat(otel.isRemote()).isTrue();
    assertThat(otel.getTraceId()).isEqualTo(span.context().traceIdHex32());
    assertThat(otel.getSpanId()).isEqualTo(span.context().toSpanId());
    assertThat(otel.isSampled()).isTrue();
    Baggage baggage = Baggage.fromContext(W3CBaggagePropagator.getInstance().extract(Context.root(), headers, GETTER));
    assertThat(baggage.getEntryValue("user")).isEqualTo("ann lee,%");

    Context out = otelContext(false, TraceState.builder().put("vendor", "opaque").build());
    out = Baggage.builder().put("tenant", "t 1/é").build().storeInContext(out);
    Map<String, String> back = otelInject(W3CTraceContextPropagator.getInstance(), out);
    back.putAll(otelInject(W3CBaggagePropagator.getInstance(), out));
    SpoorSpanContext in = (SpoorSpanContext) spoor.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(back));
    assertThat(in.traceIdHex32()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(in.toSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(in.isSampled()).isFalse();
    assertThat(in.traceState()).isEqualTo("vendor=opaque");
    assertThat(in.baggage()).containsExactly(Map.entry("tenant", "t 1/é"));

    Map<String, String> forwarded = new LinkedHashMap<>();
    SpoorSpan child = (SpoorSpan) spoor.buildSpan("child").asChildOf(in).start();
    spoor.inject(child.context().withTraceState(in.traceState()), Format.Builtin.HTTP_HEADERS,
        new TextMapAdapter(forwarded));
    assertThat(forwarded).containsEntry("tracestate", "vendor=opaque");
    spoor.close();
  }

  @Test
  void b3MultiAndSingleBothWays() {
    for (PropagationFormat format : List.of(PropagationFormat.B3, PropagationFormat.B3_SINGLE)) {
      SpoorTracer spoor = tracer(format);
      SpoorSpan span = (SpoorSpan) spoor.buildSpan("op").start();
      Map<String, String> headers = new LinkedHashMap<>();
      spoor.inject(span.context(), Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      assertThat(headers).containsKey(format == PropagationFormat.B3 ? "X-B3-TraceId" : "b3");

      SpanContext otel = Span.fromContext(B3Propagator.injectingMultiHeaders().extract(Context.root(), headers,
          GETTER)).getSpanContext();
      assertThat(otel.getTraceId()).as(headers.toString()).isEqualTo(span.context().traceIdHex32());
      assertThat(otel.getSpanId()).isEqualTo(span.context().toSpanId());
      assertThat(otel.isSampled()).isTrue();

      for (B3Propagator otelB3 : List.of(B3Propagator.injectingMultiHeaders(), B3Propagator.injectingSingleHeader())) {
        Map<String, String> back = otelInject(otelB3, otelContext(true, TraceState.getDefault()));
        SpoorSpanContext in = (SpoorSpanContext) spoor.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(back));
        assertThat(in).as(back.toString()).isNotNull();
        assertThat(in.traceIdHex32()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(in.toSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(in.isSampled()).isTrue();
      }
      Map<String, String> unsampled = otelInject(B3Propagator.injectingMultiHeaders(),
          otelContext(false, TraceState.getDefault()));
      assertThat(((SpoorSpanContext) spoor.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(unsampled)))
          .isSampled()).isFalse();
      spoor.close();
    }
  }
}
