package io.spoor.dependencies;

import io.spoor.model.DependencyLink;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.SpanReader;
import io.spoor.storage.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One run of the dependencies computation: every trace that <em>starts</em> in {@code [start, end)}
 * (its earliest span), read with {@link SpanReader#scanTraces}, linked with {@link DependencyLinker},
 * and the links written to the backend's {@link DependencyStore} stamped with {@code end}. Because a
 * trace belongs to the window holding its first span, consecutive windows count each trace once.
 */
public final class DependencyJob {
  private final SpanReader reader;
  private final DependencyStore store;
  private final @Nullable String uninstrumentedKey;

  public DependencyJob(SpanReader reader, DependencyStore store, @Nullable String uninstrumentedKey) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.store = Objects.requireNonNull(store, "store");
    this.uninstrumentedKey = uninstrumentedKey;
  }

  /** What one run found and wrote. */
  public record Result(Instant start, Instant end, long traces, long spans, List<DependencyLink> links,
      Duration took) {
    public long calls() {
      return links.stream().mapToLong(DependencyLink::callCount).sum();
    }
  }

  /**
   * Computes the links of {@code [start, end)} and writes them (nothing is written when there are
   * none).
   *
   * @throws IllegalArgumentException when {@code end} is not after {@code start}
   * @throws io.spoor.storage.StorageException when reading or writing failed
   */
  public Result run(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " must be after start " + start);
    }
    long t0 = System.nanoTime();
    long startNanos = nanos(start);
    long endNanos = nanos(end);
    DependencyLinker linker = new DependencyLinker(uninstrumentedKey);
    reader.scanTraces(new TimeWindow(startNanos, endNanos - 1), trace -> {
      long first = trace.startTimeNanos();
      if (first >= startNanos && first < endNanos) {
        linker.add(trace);
      }
    });
    List<DependencyLink> links = linker.links();
    if (!links.isEmpty()) {
      store.writeDependencies(end, links);
    }
    return new Result(start, end, linker.traces(), linker.spans(), links,
        Duration.ofNanos(System.nanoTime() - t0));
  }

  static long nanos(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
  }
}
