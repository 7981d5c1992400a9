package io.spoor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TraceGeneratorTest {
  private static final long NOW_MICROS = 1_700_000_000_000_000L;

  private final TraceGenerator generator = new TraceGenerator(new Random(7), 5, () -> NOW_MICROS);

  @Test
  void batchHasExactlyTheRequestedSpansInWholeTracesWithOneRootEach() {
    List<SyntheticSpan> batch = generator.nextBatch(200);

    assertThat(batch).hasSize(200);
    Map<Long, List<SyntheticSpan>> traces = batch.stream()
        .collect(Collectors.groupingBy(SyntheticSpan::traceIdHigh));
    assertThat(traces.size()).isBetween(200 / 12, 200 / 3);
    traces.values().forEach(trace -> {
      assertThat(trace.stream().filter(SyntheticSpan::isRoot)).hasSize(1);
      assertThat(trace.stream().map(SyntheticSpan::traceIdLow).distinct()).hasSize(1);
      Set<Long> ids = trace.stream().map(SyntheticSpan::spanId).collect(Collectors.toSet());
      trace.stream().filter(span -> !span.isRoot()).forEach(span -> assertThat(ids).contains(span.parentId()));
    });
  }

  @Test
  void spansHaveFiveToTenTagsOfMixedTypesSomeEventsAndSomeErrors() {
    List<SyntheticSpan> batch = generator.nextBatch(1_000);

    assertThat(batch).allSatisfy(span -> assertThat(span.tags().size())
        .isBetween(TraceGenerator.MIN_TAGS, TraceGenerator.MAX_TAGS));
    Set<Class<?>> types = batch.stream().flatMap(span -> span.tags().stream())
        .map(tag -> tag.value().getClass()).collect(Collectors.toSet());
    assertThat(types).containsExactlyInAnyOrder(String.class, Long.class, Double.class, Boolean.class);
    long withEvents = batch.stream().filter(span -> !span.events().isEmpty()).count();
    assertThat(withEvents).isBetween(200L, 500L);
    long errors = batch.stream().filter(SyntheticSpan::error).count();
    assertThat(errors).isBetween(20L, 100L);
    assertThat(batch.stream().filter(SyntheticSpan::error))
        .allSatisfy(span -> assertThat(span.tags()).contains(new SyntheticTag("error", true)));
    assertThat(batch.stream().map(SyntheticSpan::service).distinct()).hasSize(5);
    assertThat(batch.stream().map(SyntheticSpan::kind).distinct()).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void childrenStartWithinTheirParent() {
    List<SyntheticSpan> batch = generator.nextBatch(300);
    Map<Long, SyntheticSpan> byId = batch.stream()
        .collect(Collectors.toMap(SyntheticSpan::spanId, span -> span));

    batch.stream().filter(span -> !span.isRoot()).forEach(span -> {
      SyntheticSpan parent = byId.get(span.parentId());
      assertThat(span.startMicros()).isBetween(parent.startMicros(),
          parent.startMicros() + parent.durationMicros());
    });
    assertThat(batch).allSatisfy(span -> assertThat(span.startMicros()).isBetween(NOW_MICROS - 1_000_000, NOW_MICROS + 1_000_000));
  }

  @Test
  void rejectsAnEmptyBatchAndNoServices() {
    assertThatThrownBy(() -> generator.nextBatch(0)).hasMessage("spanCount: 0 (expected: >= 1)");
    assertThatThrownBy(() -> new TraceGenerator(new Random(), 0, () -> 0L))
        .hasMessage("services: 0 (expected: >= 1)");
  }
}
