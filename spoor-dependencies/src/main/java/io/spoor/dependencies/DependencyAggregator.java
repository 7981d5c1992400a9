package io.spoor.dependencies;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link DependencyJob} on a schedule inside a server, so the dependency graph fills on backends
 * that cannot derive it from spans at query time (Cassandra, Elasticsearch), without a Spark job.
 *
 * <p>Each run covers the time from where the previous one stopped to {@code now - settle} (spans of
 * a trace arrive over some seconds; the settle time lets a trace complete before it is counted). The
 * first run covers one interval. A failed run is logged and counted; its window is taken up by the
 * next run, up to {@code maxCatchUp} back.
 */
public final class DependencyAggregator implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(DependencyAggregator.class);

  private final DependencyJob job;
  private final Duration interval;
  private final Duration settle;
  private final Duration maxCatchUp;
  private final Clock clock;
  private final ScheduledExecutorService executor;
  private final AtomicLong runs = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong tracesLinked = new AtomicLong();
  private final AtomicLong linksWritten = new AtomicLong();
  private volatile double lastRunSeconds = Double.NaN;
  private volatile double lastSuccessEpochSeconds = Double.NaN;
  private Instant done;

  public DependencyAggregator(DependencyJob job, Duration interval, Duration settle, Clock clock) {
    this.job = Objects.requireNonNull(job, "job");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("dependencies interval: " + interval + " (expected: > 0)");
    }
    this.interval = interval;
    this.settle = Objects.requireNonNull(settle, "settle");
    this.maxCatchUp = interval.multipliedBy(24).compareTo(Duration.ofDays(1)) > 0
        ? interval.multipliedBy(24) : Duration.ofDays(1);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "spoor-dependencies");
      t.setDaemon(true);
      return t;
    });
    this.done = clock.instant().minus(settle).minus(interval);
  }

  /** Schedules the runs: the first after one {@code interval}, then every {@code interval}. */
  public DependencyAggregator start() {
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  /** One run now (the scheduled ones call this). Returns null when there was nothing to cover. */
  public synchronized DependencyJob.Result runOnce() {
    Instant end = clock.instant().minus(settle);
    Instant start = done;
    if (Duration.between(start, end).compareTo(maxCatchUp) > 0) {
      start = end.minus(maxCatchUp);
    }
    if (!end.isAfter(start)) {
      return null;
    }
    long t0 = System.nanoTime();
    runs.incrementAndGet();
    try {
      DependencyJob.Result result = job.run(start, end);
      done = end;
      tracesLinked.addAndGet(result.traces());
      linksWritten.addAndGet(result.links().size());
      lastSuccessEpochSeconds = end.getEpochSecond();
      logger.info("Dependencies {} .. {}: {} traces, {} links, {} calls in {} ms", start, end,
          result.traces(), result.links().size(), result.calls(), result.took().toMillis());
      return result;
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      throw e;
    } finally {
      lastRunSeconds = (System.nanoTime() - t0) / 1e9;
    }
  }

  private void runQuietly() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      logger.warn("Dependencies run failed (the next run covers its window): {}", e.toString());
    }
  }

  /** Counters and gauges by Prometheus-style name (names ending in {@code _total} are counters). */
  public Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("spoor_dependencies_runs_total", (double) runs.get());
    m.put("spoor_dependencies_failures_total", (double) failures.get());
    m.put("spoor_dependencies_traces_total", (double) tracesLinked.get());
    m.put("spoor_dependencies_links_written_total", (double) linksWritten.get());
    m.put("spoor_dependencies_last_run_seconds", lastRunSeconds);
    m.put("spoor_dependencies_last_success_end_seconds", lastSuccessEpochSeconds);
    return m;
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
