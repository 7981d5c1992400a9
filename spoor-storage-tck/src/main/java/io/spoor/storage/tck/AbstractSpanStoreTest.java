package io.spoor.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Capability;
import io.spoor.storage.Operation;
import io.spoor.storage.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Writing and reading whole traces, services and operations, after Jaeger's integration suite:
 * {@code example_trace} (id 0x11, services {@code example-service-1/2/3}), traces written over
 * several batches, duplicate span ids, a 10,008-span trace and 128-bit ids.
 */
public abstract class AbstractSpanStoreTest extends AbstractStorageTest {
  static final TraceId EXAMPLE_TRACE_ID = TraceId.of(0x11);
  static final long SECOND_NANOS = 1_000_000_000L;

  private List<Span> exampleTrace() {
    return fixtures().trace("example_trace");
  }

  @Test
  void getServicesReturnsExactlyTheWrittenServices() {
    write(exampleTrace());
    eventually(() -> assertThat(reader().getServices())
        .containsExactly("example-service-1", "example-service-2", "example-service-3"));
  }

  @Test
  void getOperationsReturnsTheNamesOfTheService() {
    write(exampleTrace());
    eventually(() -> assertThat(reader().getOperations("example-service-1", null))
        .extracting(Operation::name)
        .containsExactly("example-operation-1", "example-operation-3", "example-operation-4"));
    assertThat(reader().getOperations("example-service-2", null)).extracting(Operation::name)
        .containsExactly("example-operation-2");
    assertThat(reader().getOperations("no-such-service", null)).isEmpty();
  }

  @Test
  void getOperationsReturnsSpanKindsAndFiltersByKind() {
    assumeCapability(Capability.OPERATIONS_WITH_SPAN_KIND, "operations carry the span.kind of their spans");
    write(exampleTrace());
    eventually(() -> assertThat(reader().getOperations("example-service-1", null)).containsExactly(
        new Operation("example-operation-1", SpanKind.UNSPECIFIED),
        new Operation("example-operation-3", SpanKind.SERVER),
        new Operation("example-operation-4", SpanKind.CLIENT)));
    assertThat(reader().getOperations("example-service-1", SpanKind.SERVER))
        .containsExactly(new Operation("example-operation-3", SpanKind.SERVER));
    assertThat(reader().getOperations("example-service-1", SpanKind.CLIENT))
        .containsExactly(new Operation("example-operation-4", SpanKind.CLIENT));
    assertThat(reader().getOperations("example-service-1", SpanKind.UNSPECIFIED))
        .containsExactly(new Operation("example-operation-1", SpanKind.UNSPECIFIED));
    assertThat(reader().getOperations("example-service-1", SpanKind.PRODUCER)).isEmpty();
  }

  @Test
  void getTraceReturnsEverySpanFieldByField() {
    List<Span> spans = exampleTrace();
    write(spans);
    eventually(() -> {
      Optional<Trace> trace = reader().getTrace(EXAMPLE_TRACE_ID);
      assertThat(trace).as("trace 0x11").isPresent();
      SpanAssertions.assertSpans("trace 0x11", trace.get().spans(), spans);
    });
  }

  @Test
  void getTraceOfAnUnknownIdIsEmpty() {
    write(exampleTrace());
    eventually(() -> assertThat(reader().getTrace(EXAMPLE_TRACE_ID)).isPresent());
    assertThat(reader().getTrace(TraceId.of(0x12345))).isEmpty();
    // Same low half, another high half: a different 128-bit trace.
    assertThat(reader().getTrace(TraceId.of(1, 0x11))).isEmpty();
  }

  @Test
  void idsOf128BitsRoundTrip() {
    TraceId wide = TraceId.of(0x0123456789abcdefL, 0xfedcba9876543210L);
    List<Span> spans = new ArrayList<>();
    for (Span span : exampleTrace()) {
      spans.add(span.toBuilder().traceId(wide).build());
    }
    write(spans);
    eventually(() -> {
      Optional<Trace> trace = reader().getTrace(wide);
      assertThat(trace).isPresent();
      SpanAssertions.assertSpans("128-bit trace", trace.get().spans(), spans);
    });
    assertThat(reader().getTrace(TraceId.of(0xfedcba9876543210L))).as("the low half alone").isEmpty();
  }

  @Test
  void traceWrittenInSeveralBatchesReadsBackWhole() {
    List<Span> spans = exampleTrace();
    write(spans.subList(0, 2));
    write(spans.subList(2, 4));
    write(spans.subList(4, 5));
    eventually(() -> {
      Optional<Trace> trace = reader().getTrace(EXAMPLE_TRACE_ID);
      assertThat(trace).isPresent();
      SpanAssertions.assertSpans("trace 0x11", trace.get().spans(), spans);
      List<Trace> found = reader().findTraces(TraceQuery.newBuilder().serviceName("example-service-2").build());
      assertThat(found).hasSize(1);
      SpanAssertions.assertSpans("found trace 0x11", found.get(0).spans(), spans);
    });
  }

  /** Jaeger's duplicate test: readers keep every copy; de-duplication is the query service's job. */
  @Test
  void spansSharingAnIdAreAllKept() {
    Span template = exampleTrace().get(0);
    TraceId traceId = TraceId.of(0xd0b1e);
    SpanId repeated = SpanId.of(0xdead);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      spans.add(template.toBuilder()
          .traceId(traceId)
          .spanId(i % 20 == 0 ? repeated : SpanId.of(i + 1))
          .startTimeNanos(template.startTimeNanos() + i * 1_000L)
          .tags(List.of(KeyValue.of("copy", (long) i)))
          .build());
    }
    write(spans);
    eventually(() -> {
      Optional<Trace> trace = reader().getTrace(traceId);
      assertThat(trace).isPresent();
      assertThat(trace.get().spans()).hasSize(200);
      assertThat(trace.get().spans()).filteredOn(s -> s.spanId().equals(repeated)).hasSize(10);
      SpanAssertions.assertSpans("duplicate trace", trace.get().spans(), spans);
    });
  }

  /** Guards against result windows and paging limits (Elasticsearch's 10,000 hits). */
  @Test
  void largeTraceReadsBackWhole() {
    Span template = exampleTrace().get(0);
    List<Span> spans = new ArrayList<>(10_008);
    for (int i = 1; i <= 10_008; i++) {
      spans.add(template.toBuilder()
          .spanId(SpanId.of(i))
          .startTimeNanos(template.startTimeNanos() + i * SECOND_NANOS)
          .build());
    }
    write(spans);
    eventually(() -> {
      Optional<Trace> trace = reader().getTrace(EXAMPLE_TRACE_ID);
      assertThat(trace).isPresent();
      assertThat(trace.get().spans()).hasSize(10_008);
      SpanAssertions.assertSpans("large trace", trace.get().spans(), spans);
    });
  }

  /** The input of batch jobs: every trace with a span starting in the window, once, whole. */
  @Test
  void scanTracesVisitsEachTraceOfTheWindowOnceAndWhole() {
    Span template = exampleTrace().get(0);
    long base = template.startTimeNanos();
    List<Span> spans = new ArrayList<>();
    for (int t = 1; t <= 6; t++) {
      TraceId id = TraceId.of(0x5ca0 + t);
      long start = base + t * 60 * SECOND_NANOS; // trace t starts t minutes after base
      for (int s = 1; s <= 3; s++) {
        spans.add(template.toBuilder()
            .traceId(id)
            .spanId(SpanId.of(s))
            .references(List.of())
            .startTimeNanos(start + s * 1_000L)
            .process(new io.spoor.model.Process("scan-service-" + (s % 2), template.process().tags()))
            .build());
      }
    }
    write(spans);
    // Minutes 2..4 hold traces 2, 3 and 4.
    io.spoor.storage.TimeWindow window = new io.spoor.storage.TimeWindow(
        base + 2 * 60 * SECOND_NANOS, base + 4 * 60 * SECOND_NANOS + 10_000L);
    eventually(() -> {
      List<Trace> seen = new ArrayList<>();
      reader().scanTraces(window, seen::add);
      assertThat(seen).extracting(Trace::traceId)
          .containsExactlyInAnyOrder(TraceId.of(0x5ca2), TraceId.of(0x5ca3), TraceId.of(0x5ca4));
      assertThat(seen).allSatisfy(trace -> assertThat(trace.spans()).hasSize(3));
    });
  }
}
