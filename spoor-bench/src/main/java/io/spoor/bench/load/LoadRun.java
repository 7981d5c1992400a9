package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.RequestPool.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs closed-loop load: {@code concurrency} threads, each with its own connection, send one request after
 * another for the warm-up plus the measured duration, then stop by themselves. A request counts if it started
 * after the warm-up and before the deadline; the last such request may end after the deadline, by at most the
 * request timeout. After a request that got no answer at all, the thread pauses 10 ms before the next one.
 */
public final class LoadRun {
  private static final long UNREACHABLE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private LoadRun() {}

  /** Generates the request pool for {@code settings} (before the clock starts), then runs the load. */
  public static LoadReport run(LoadSettings settings) throws InterruptedException {
    requireNonNull(settings, "settings");
    RequestPool pool = RequestPool.generate(settings.format(), settings.poolSize(), settings.spansPerRequest(),
        settings.services(), settings.seed(), () -> TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()));
    return run(settings, pool, settings.transports());
  }

  static LoadReport run(LoadSettings settings, RequestPool pool, Transport.Factory transports)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + settings.warmup().toNanos();
    long deadline = measureFrom + settings.duration().toNanos();
    List<Worker> workers = new ArrayList<>(settings.concurrency());
    List<Thread> threads = new ArrayList<>(settings.concurrency());
    for (int slot = 0; slot < settings.concurrency(); slot++) {
      Worker worker = new Worker(pool, transports.create(slot), measureFrom, deadline);
      workers.add(worker);
      Thread thread = new Thread(worker, "spoor-bench-load-" + slot);
      thread.setDaemon(true);
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    try {
      for (Thread thread : threads) {
        thread.join();
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      throw e;
    }
    return merge(settings, workers, measureFrom);
  }

  private static LoadReport merge(LoadSettings settings, List<Worker> workers, long measureFrom) {
    LatencyHistogram latencies = new LatencyHistogram();
    Map<String, Long> outcomes = new TreeMap<>();
    long acceptedRequests = 0;
    long acceptedSpans = 0;
    long throttled = 0;
    long failed = 0;
    long lastEnd = measureFrom;
    for (Worker worker : workers) {
      if (worker.failure != null) {
        throw new IllegalStateException("a load thread failed: " + worker.failure, worker.failure);
      }
      latencies.add(worker.latencies);
      worker.outcomes.forEach((label, count) -> outcomes.merge(label, count, Long::sum));
      acceptedRequests += worker.acceptedRequests;
      acceptedSpans += worker.acceptedSpans;
      throttled += worker.throttled;
      failed += worker.failed;
      lastEnd = Math.max(lastEnd, worker.lastEnd);
    }
    double seconds = Math.max(lastEnd - measureFrom, settings.duration().toNanos()) / 1e9;
    return new LoadReport(settings.format().cliName(), settings.target().toString(), settings.concurrency(),
        seconds, latencies.count(), acceptedRequests, acceptedSpans, throttled, failed, outcomes,
        latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.maxMillis());
  }

  /** One connection slot's loop and its private tally, read only after its thread was joined. */
  private static final class Worker implements Runnable {
    private final RequestPool pool;
    private final Transport transport;
    private final long measureFrom;
    private final long deadline;
    final LatencyHistogram latencies = new LatencyHistogram();
    final Map<String, Long> outcomes = new TreeMap<>();
    long acceptedRequests;
    long acceptedSpans;
    long throttled;
    long failed;
    long lastEnd;
    @org.jspecify.annotations.Nullable RuntimeException failure;

    Worker(RequestPool pool, Transport transport, long measureFrom, long deadline) {
      this.pool = pool;
      this.transport = transport;
      this.measureFrom = measureFrom;
      this.deadline = deadline;
      this.lastEnd = measureFrom;
    }

    @Override
    public void run() {
      try (transport) {
        loop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    private void loop() throws InterruptedException {
      for (long begin = System.nanoTime(); begin - deadline < 0; begin = System.nanoTime()) {
        Request request = pool.next();
        Outcome outcome = transport.send(request.body());
        long end = System.nanoTime();
        if (begin - measureFrom >= 0) {
          record(outcome, request.spanCount(), end - begin);
          lastEnd = end;
        }
        if (outcome.kind() == Outcome.Kind.UNREACHABLE) {
          // a refused connection fails in microseconds; without a pause the loop would only burn the CPU
          // that the server under test needs
          TimeUnit.NANOSECONDS.sleep(UNREACHABLE_PAUSE_NANOS);
        }
      }
    }

    private void record(Outcome outcome, int spanCount, long nanos) {
      latencies.recordNanos(nanos);
      outcomes.merge(outcome.label(), 1L, Long::sum);
      switch (outcome.kind()) {
        case ACCEPTED -> {
          acceptedRequests++;
          acceptedSpans += spanCount;
        }
        case THROTTLED -> throttled++;
        case REJECTED, UNREACHABLE -> failed++;
      }
    }
  }
}
