package io.spoor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.References;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.opentracing.tag.Tags;
import io.spoor.client.reporter.InMemoryReporter;
import io.spoor.client.sampler.ConstSampler;
import io.spoor.client.sampler.ProbabilisticSampler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpoorTracerTest {
  final TestClock clock = new TestClock();
  final AtomicLong ids = new AtomicLong(0x100);
  final InMemoryReporter reporter = new InMemoryReporter();
  final CountingClientMetrics metrics = new CountingClientMetrics();
  final SpoorTracer tracer = SpoorTracer.builder("checkout").sampler(new ConstSampler(true)).reporter(reporter)
      .clock(clock).random(ids::incrementAndGet).metrics(metrics).build();

  @AfterEach
  void close() {
    tracer.close();
  }

  @Test
  void rootSpanCarriesIdsTimesTagsAndSamplerTags() {
    Span span = tracer.buildSpan("GET /cart").withTag("http.method", "GET").withTag(Tags.HTTP_STATUS, 200)
        .withTag("retry", true).start();
    clock.advanceMicros(1500);
    span.setTag("http.method", "POST").setTag("db.rows", 3.5);
    span.finish();

    assertThat(reporter.spans()).hasSize(1);
    SpoorSpan s = reporter.spans().get(0);
    assertThat(s.context().traceIdHigh()).isZero();
    assertThat(s.context().traceIdLow()).isEqualTo(0x101);
    assertThat(s.context().spanId()).isEqualTo(0x101);
    assertThat(s.context().parentId()).isZero();
    assertThat(s.context().isSampled()).isTrue();
    assertThat(s.context().toTraceId()).isEqualTo("0000000000000101");
    assertThat(s.operationName()).isEqualTo("GET /cart");
    assertThat(s.startMicros()).isEqualTo(1_700_000_000_000_000L);
    assertThat(s.durationMicros()).isEqualTo(1500);
    assertThat(s.tags()).containsExactly(Map.entry("sampler.type", "const"), Map.entry("sampler.param", true),
        Map.entry("http.method", "POST"), Map.entry("http.status_code", 200), Map.entry("retry", true),
        Map.entry("db.rows", 3.5));
    assertThat(s.references()).isEmpty();
    assertThat(metrics.started()).isEqualTo(1);
    assertThat(metrics.finished()).isEqualTo(1);
  }

  @Test
  void childOfActiveSpanInheritsTraceFlagsAndBaggage() {
    Span root = tracer.buildSpan("root").start();
    root.setBaggageItem("user", "ann");
    Span child;
    try (Scope scope = tracer.activateSpan(root)) {
      assertThat(scope).isNotNull();
      assertThat(tracer.activeSpan()).isSameAs(root);
      child = tracer.buildSpan("child").start();
      Span detached = tracer.buildSpan("detached").ignoreActiveSpan().start();
      assertThat(((SpoorSpanContext) detached.context()).parentId()).isZero();
      assertThat(((SpoorSpanContext) detached.context()).traceIdLow()).isNotEqualTo(0x101);
    }
    assertThat(tracer.activeSpan()).isNull();
    SpoorSpanContext c = (SpoorSpanContext) child.context();
    assertThat(c.traceIdLow()).isEqualTo(0x101);
    assertThat(c.parentId()).isEqualTo(0x101);
    assertThat(c.spanId()).isEqualTo(0x102);
    assertThat(c.baggage()).containsExactly(Map.entry("user", "ann"));
    assertThat(child.getBaggageItem("user")).isEqualTo("ann");
    assertThat(((SpoorSpan) child).references()).containsExactly(
        new SpanReference(References.CHILD_OF, (SpoorSpanContext) root.context()));
    child.finish();
    assertThat(reporter.spans().get(0).tags()).doesNotContainKey("sampler.type");
  }

  @Test
  void explicitReferencesPickChildOfAndMergeBaggage() {
    SpoorSpan a = (SpoorSpan) tracer.buildSpan("a").start();
    a.setBaggageItem("k1", "a");
    SpoorSpan b = (SpoorSpan) tracer.buildSpan("b").start();
    b.setBaggageItem("k2", "b");
    SpoorSpan c = (SpoorSpan) tracer.buildSpan("c").addReference(References.FOLLOWS_FROM, a.context())
        .asChildOf(b).start();
    assertThat(c.context().traceIdLow()).isEqualTo(b.context().traceIdLow());
    assertThat(c.context().parentId()).isEqualTo(b.context().spanId());
    assertThat(c.context().baggage()).containsExactly(Map.entry("k1", "a"), Map.entry("k2", "b"));
    assertThat(c.references()).extracting(SpanReference::type).containsExactly("follows_from", "child_of");

    SpoorSpan onlyFollows = (SpoorSpan) tracer.buildSpan("d").addReference(References.FOLLOWS_FROM, a.context())
        .start();
    assertThat(onlyFollows.context().parentId()).isEqualTo(a.context().spanId());
  }

  @Test
  void explicitStartAndFinishTimestampsAndLogsAndRename() {
    Span span = tracer.buildSpan("first").withStartTimestamp(1_000_000).start();
    span.log(1_000_100, "cache miss");
    span.log(1_000_200, Map.of("event", "retry", "attempt", 2));
    clock.advanceMicros(10);
    span.log("now");
    span.setOperationName("second");
    span.finish(1_000_500);
    span.finish(9_999_999);
    assertThat(reporter.spans()).hasSize(1);
    SpoorSpan s = reporter.spans().get(0);
    assertThat(s.operationName()).isEqualTo("second");
    assertThat(s.startMicros()).isEqualTo(1_000_000);
    assertThat(s.durationMicros()).isEqualTo(500);
    assertThat(s.logs()).hasSize(3);
    assertThat(s.logs().get(0)).isEqualTo(new SpanLog(1_000_100, Map.of("event", "cache miss")));
    assertThat(s.logs().get(1).fields()).isEqualTo(Map.of("event", "retry", "attempt", 2));
    assertThat(s.logs().get(2).timestampMicros()).isEqualTo(clock.micros);
  }

  @Test
  void unsampledSpansAreNotReportedAndSamplingPrioritySamples() {
    SpoorTracer never = SpoorTracer.builder("s").sampler(new ConstSampler(false)).reporter(reporter).clock(clock)
        .random(ids::incrementAndGet).build();
    Span quiet = never.buildSpan("quiet").start();
    quiet.finish();
    Span loud = never.buildSpan("loud").start();
    loud.setTag(Tags.SAMPLING_PRIORITY, 1);
    assertThat(((SpoorSpanContext) loud.context()).isDebug()).isTrue();
    loud.finish();
    assertThat(reporter.spans()).extracting(SpoorSpan::operationName).containsExactly("loud");
  }

  @Test
  void debugIdForcesSamplingAndBecomesATag() {
    SpoorTracer never = SpoorTracer.builder("s").sampler(new ProbabilisticSampler(0)).reporter(reporter)
        .clock(clock).random(ids::incrementAndGet).build();
    Map<String, String> headers = new HashMap<>(Map.of("jaeger-debug-id", "abc", "uberctx-tenant", "t1"));
    var extracted = never.extract(Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
    SpoorSpan span = (SpoorSpan) never.buildSpan("debugged").asChildOf(extracted).start();
    assertThat(span.context().isSampled()).isTrue();
    assertThat(span.context().isDebug()).isTrue();
    assertThat(span.context().parentId()).isZero();
    assertThat(span.context().baggage()).containsExactly(Map.entry("tenant", "t1"));
    assertThat(span.references()).isEmpty();
    span.finish();
    assertThat(reporter.spans().get(0).tags()).containsEntry("jaeger-debug-id", "abc")
        .doesNotContainKey("sampler.type");
  }

  @Test
  void startTimesFollowTheWallClockThroughTheAnchor() {
    clock.advanceMicros(400_000); // within the anchor's second: derived from the monotonic clock
    assertThat(((SpoorSpan) tracer.buildSpan("a").start()).startMicros()).isEqualTo(clock.micros);
    clock.micros += 7; // the wall clock steps; the anchor is still trusted
    clock.advanceMicros(5_000_000); // past the anchor's second: the wall clock is read again
    assertThat(((SpoorSpan) tracer.buildSpan("b").start()).startMicros()).isEqualTo(clock.micros);
  }

  @Test
  void traceId128BitUsesTwoRandomLongs() {
    SpoorTracer wide = SpoorTracer.builder("s").sampler(new ConstSampler(true)).reporter(reporter).clock(clock)
        .random(ids::incrementAndGet).traceId128Bit().build();
    SpoorSpanContext c = (SpoorSpanContext) wide.buildSpan("x").start().context();
    assertThat(c.traceIdHigh()).isEqualTo(0x101);
    assertThat(c.traceIdLow()).isEqualTo(0x102);
    assertThat(c.toTraceId()).isEqualTo("00000000000001010000000000000102");
  }

  @Test
  void scopesNestAndIgnoreOutOfOrderClose() {
    Span a = tracer.buildSpan("a").start();
    Span b = tracer.buildSpan("b").start();
    Scope sa = tracer.activateSpan(a);
    Scope sb = tracer.activateSpan(b);
    sa.close(); // not the innermost: ignored
    assertThat(tracer.activeSpan()).isSameAs(b);
    sb.close();
    assertThat(tracer.activeSpan()).isSameAs(a);
    sa.close();
    assertThat(tracer.activeSpan()).isNull();
  }

  @Test
  void injectRejectsForeignContextsAndUnknownFormats() {
    Span span = tracer.buildSpan("a").start();
    assertThatThrownBy(() -> tracer.inject(new io.opentracing.SpanContext() {
      public String toTraceId() {
        return "1";
      }

      public String toSpanId() {
        return "1";
      }

      public Iterable<Map.Entry<String, String>> baggageItems() {
        return List.of();
      }
    }, Format.Builtin.TEXT_MAP, new TextMapAdapter(new HashMap<>())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected: a context of this tracer");
    assertThatThrownBy(() -> tracer.inject(span.context(), new Format<Object>() {}, new Object()))
        .hasMessageContaining("expected: TEXT_MAP, HTTP_HEADERS or BINARY");
  }

  @Test
  void spansFinishedAfterCloseAreCountedNotLost() {
    Span span = tracer.buildSpan("late").start();
    tracer.close();
    span.finish();
    assertThat(metrics.finished()).isEqualTo(1);
  }
}
