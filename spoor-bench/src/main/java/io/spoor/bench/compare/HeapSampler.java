package io.spoor.bench.compare;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Samples a server's used heap periodically on a thread named {@code spoor-bench-heap} and keeps the peak.
 * Each sample asks the probes in order and takes the first answer. Sampled peaks miss what lies between
 * samples, so the figure is a lower bound of the true peak.
 */
final class HeapSampler implements AutoCloseable {
  private final List<HeapProbe> probes;
  private final Duration period;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Thread thread;
  private volatile long peakBytes = -1;
  private volatile @Nullable String source;

  HeapSampler(List<HeapProbe> probes, Duration period) {
    this.probes = List.copyOf(probes);
    this.period = period;
    this.thread = new Thread(this::loop, "spoor-bench-heap");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The highest sample in bytes, or -1 if no probe answered. */
  long peakBytes() {
    return peakBytes;
  }

  /** Which probe gave the peak, or "none". */
  String source() {
    String current = source;
    return current != null ? current : "none";
  }

  private void loop() {
    try {
      do {
        sample();
      } while (!stop.await(period.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void sample() throws InterruptedException {
    for (HeapProbe probe : probes) {
      OptionalLong used = probe.usedHeapBytes();
      if (used.isPresent()) {
        if (used.getAsLong() > peakBytes) {
          peakBytes = used.getAsLong();
          source = probe.source();
        }
        return;
      }
    }
  }

  /** Stops sampling; the peak stays readable. */
  @Override
  public void close() {
    stop.countDown();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
