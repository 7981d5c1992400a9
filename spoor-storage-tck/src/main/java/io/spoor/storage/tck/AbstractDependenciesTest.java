package io.spoor.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.spoor.model.DependencyLink;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.storage.Capability;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The dependency graph: links written by a batch job are read back within their window, one per
 * (parent, child) pair with counts summed; with {@link Capability#DEPENDENCIES_FROM_SPANS} links are
 * also derived from stored spans whose parent span belongs to another service. The {@code source}
 * of a link is not compared: Jaeger's Cassandra store does not keep it.
 */
public abstract class AbstractDependenciesTest extends AbstractStorageTest {
  private static final Duration WINDOW = Duration.ofMinutes(5);

  /** An hour ago, in whole milliseconds as every store keeps dependency timestamps. */
  private final Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));

  /** Jaeger's dependency test: hello→world (1 call) and world→hello (3 calls). */
  @Test
  void writtenLinksAreReadBackInTheirWindow() {
    dependencyStore().writeDependencies(time, List.of(
        DependencyLink.of("hello", "world", 1), DependencyLink.of("world", "hello", 3)));
    eventually(() -> assertThat(dependencyStore().getDependencies(time.plus(WINDOW), WINDOW))
        .extracting(DependencyLink::parent, DependencyLink::child, DependencyLink::callCount)
        .containsExactly(tuple("hello", "world", 1L), tuple("world", "hello", 3L)));
  }

  @Test
  void linksOutsideTheWindowAreLeftOut() {
    dependencyStore().writeDependencies(time.minus(Duration.ofHours(1)), List.of(DependencyLink.of("old", "link", 7)));
    dependencyStore().writeDependencies(time, List.of(DependencyLink.of("hello", "world", 1)));
    eventually(() -> assertThat(dependencyStore().getDependencies(time.plus(WINDOW), WINDOW))
        .extracting(DependencyLink::parent, DependencyLink::child, DependencyLink::callCount)
        .containsExactly(tuple("hello", "world", 1L)));
    assertThat(dependencyStore().getDependencies(time.minus(Duration.ofMinutes(10)), WINDOW)).isEmpty();
  }

  @Test
  void countsOfOnePairAreSummedOverTheWindow() {
    dependencyStore().writeDependencies(time, List.of(DependencyLink.of("hello", "world", 1)));
    dependencyStore().writeDependencies(time.plus(Duration.ofMinutes(1)),
        List.of(DependencyLink.of("hello", "world", 2), DependencyLink.of("a", "b", 1)));
    eventually(() -> assertThat(dependencyStore().getDependencies(time.plus(WINDOW), WINDOW))
        .extracting(DependencyLink::parent, DependencyLink::child, DependencyLink::callCount)
        .containsExactly(tuple("a", "b", 1L), tuple("hello", "world", 3L)));
  }

  @Test
  void linksAreDerivedFromParentSpansInOtherServices() {
    assumeCapability(Capability.DEPENDENCIES_FROM_SPANS, "links computed from stored spans");
    long start = time.getEpochSecond() * 1_000_000_000L + time.getNano();
    TraceId first = TraceId.of(0xde1);
    TraceId second = TraceId.of(0xde2);
    write(List.of(
        span(first, 1, null, "frontend", start),
        span(first, 2, 1L, "backend", start + 1_000),
        span(first, 3, 2L, "database", start + 2_000),
        span(first, 4, 1L, "frontend", start + 3_000),
        span(first, 5, 99L, "orphan", start + 4_000),
        span(second, 1, null, "frontend", start + 5_000),
        span(second, 2, 1L, "backend", start + 6_000)));
    eventually(() -> assertThat(dependencyStore().getDependencies(time.plus(WINDOW), WINDOW))
        .extracting(DependencyLink::parent, DependencyLink::child, DependencyLink::callCount)
        .containsExactly(tuple("backend", "database", 1L), tuple("frontend", "backend", 2L)));
    assertThat(dependencyStore().getDependencies(time.minus(Duration.ofMinutes(10)), WINDOW)).isEmpty();
  }

  private static Span span(TraceId traceId, long spanId, @Nullable Long parentId, String service, long start) {
    Span.Builder span = Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.of(spanId))
        .operationName("call")
        .process(Process.of(service))
        .startTimeNanos(start)
        .durationNanos(1_000);
    if (parentId != null) {
      span.addReference(SpanRef.childOf(traceId, SpanId.of(parentId)));
    }
    return span.build();
  }
}
