package io.spoor.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.spoor.model.DependencyLink;
import io.spoor.model.Span;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.memory.MemoryStorageFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job over a real store: spans in one memory store (read with {@code scanTraces}), links written
 * to another, empty one, whose dependency store then holds exactly what the job wrote.
 */
class DependencyJobTest {
  private static final Instant HOUR = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));

  private Storage spans;
  private Storage links;

  @BeforeEach
  void start() {
    spans = new MemoryStorageFactory().create(StorageSettings.empty());
    links = new MemoryStorageFactory().create(StorageSettings.empty());
    spans.start();
    links.start();
  }

  @AfterEach
  void stop() {
    spans.close();
    links.close();
  }

  private static long nanos(Instant i) {
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  private void writeHotRodTraces(Instant from, int count, long firstId) {
    List<Span> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.addAll(Traces.hotRod(firstId + i, nanos(from) + i * 60_000_000_000L).spans());
    }
    spans.spanWriter().write(batch);
  }

  @Test
  void linksTheTracesThatStartInTheWindowAndWritesThemStampedWithItsEnd() {
    writeHotRodTraces(HOUR.minus(Duration.ofMinutes(30)), 10, 100); // before the window
    writeHotRodTraces(HOUR, 5, 200);                                 // in it
    writeHotRodTraces(HOUR.plus(Duration.ofHours(1)), 10, 300);      // after it
    DependencyJob job = new DependencyJob(spans.spanReader(), links.dependencyStore(), "peer.service");

    DependencyJob.Result result = job.run(HOUR, HOUR.plus(Duration.ofHours(1)));

    assertThat(result.traces()).isEqualTo(5);
    assertThat(result.spans()).isEqualTo(75);
    assertThat(result.calls()).isEqualTo(5 * 8);
    assertThat(links.dependencyStore().getDependencies(HOUR.plus(Duration.ofHours(1)), Duration.ofMinutes(1)))
        .extracting(DependencyLink::parent, DependencyLink::child, DependencyLink::callCount)
        .containsExactly(
            tuple("customer", "mysql", 5L),
            tuple("driver", "redis", 10L),
            tuple("frontend", "customer", 5L),
            tuple("frontend", "driver", 5L),
            tuple("frontend", "route", 15L));
    assertThat(links.dependencyStore().getDependencies(HOUR.plus(Duration.ofMinutes(59)), Duration.ofMinutes(59)))
        .as("stamped with the window's end").isEmpty();
  }

  @Test
  void aTraceCrossingTheBoundaryCountsInTheWindowOfItsFirstSpan() {
    // One trace starting a second before the boundary, its last spans after it.
    List<Span> trace = Traces.hotRod(1, nanos(HOUR) - 1_000_000_000L + 1).spans();
    List<Span> shifted = new ArrayList<>();
    for (int i = 0; i < trace.size(); i++) {
      shifted.add(trace.get(i).toBuilder().startTimeNanos(trace.get(i).startTimeNanos() + i * 100_000_000L).build());
    }
    spans.spanWriter().write(shifted);
    DependencyJob job = new DependencyJob(spans.spanReader(), links.dependencyStore(), null);
    assertThat(job.run(HOUR.minus(Duration.ofHours(1)), HOUR).traces()).isEqualTo(1);
    assertThat(job.run(HOUR, HOUR.plus(Duration.ofHours(1))).traces()).isZero();
  }

  @Test
  void anEmptyWindowWritesNothingAndABackwardWindowIsRefused() {
    DependencyJob job = new DependencyJob(spans.spanReader(), links.dependencyStore(), null);
    assertThat(job.run(HOUR, HOUR.plusSeconds(60)).links()).isEmpty();
    assertThat(links.dependencyStore().getDependencies(HOUR.plusSeconds(60), Duration.ofHours(2))).isEmpty();
    assertThatThrownBy(() -> job.run(HOUR, HOUR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be after");
  }

  @Test
  void theAggregatorCoversConsecutiveWindowsWithoutGapsOrOverlap() {
    MutableClock clock = new MutableClock(HOUR);
    DependencyJob job = new DependencyJob(spans.spanReader(), links.dependencyStore(), "peer.service");
    try (DependencyAggregator aggregator =
        new DependencyAggregator(job, Duration.ofMinutes(10), Duration.ofMinutes(1), clock)) {
      // Traces one per minute from 20 minutes before HOUR to 20 minutes after.
      writeHotRodTraces(HOUR.minus(Duration.ofMinutes(20)), 40, 1000);
      DependencyJob.Result first = aggregator.runOnce(); // covers [HOUR-11m, HOUR-1m)
      assertThat(first.start()).isEqualTo(HOUR.minus(Duration.ofMinutes(11)));
      assertThat(first.traces()).isEqualTo(10);
      clock.now = HOUR.plus(Duration.ofMinutes(10));
      DependencyJob.Result second = aggregator.runOnce(); // [HOUR-1m, HOUR+9m)
      assertThat(second.start()).isEqualTo(first.end());
      assertThat(second.traces()).isEqualTo(10);
      assertThat(aggregator.runOnce()).as("nothing new to cover").isNull();
      assertThat(aggregator.metrics())
          .containsEntry("spoor_dependencies_runs_total", 2.0)
          .containsEntry("spoor_dependencies_traces_total", 20.0)
          .containsEntry("spoor_dependencies_failures_total", 0.0);
      assertThat(links.dependencyStore().getDependencies(clock.instant(), Duration.ofHours(1)))
          .filteredOn(l -> l.child().equals("route"))
          .extracting(DependencyLink::callCount).containsExactly(60L);
    }
  }

  static final class MutableClock extends Clock {
    volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
