package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts Zipkin JSON bodies to {@code /api/v2/spans} over {@code connections} worker threads, as a
 * {@link Dataset.Sink}. A body answered 429 or 503 (a full queue), or not answered at all (a reset
 * connection, a timeout), is sent again after a short pause, up to {@value #MAX_ATTEMPTS} times; any other
 * status stops the load. {@link #finish} waits for the bodies sent; {@link #close} (idempotent) stops the
 * workers at once, whatever is still queued, so a failed load leaves no thread behind.
 */
final class SpanLoader implements Dataset.Sink, AutoCloseable {
  static final int MAX_ATTEMPTS = 200;
  private static final long RETRY_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final byte[] END = new byte[0];

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient client;
  private final BlockingQueue<byte[]> queue;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final long startNanos = System.nanoTime();

  /** Starts {@code connections} workers posting to {@code endpoint}. */
  SpanLoader(URI endpoint, int connections, Duration timeout) {
    this.endpoint = requireNonNull(endpoint, "endpoint");
    this.timeout = requireNonNull(timeout, "timeout");
    if (connections < 1) {
      throw new IllegalArgumentException("connections: " + connections + " (expected: >= 1)");
    }
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    this.queue = new ArrayBlockingQueue<>(2 * connections);
    for (int i = 0; i < connections; i++) {
      Thread worker = new Thread(this::work, "spoor-bench-loader-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
  }

  /**
   * Queues a body, waiting while all workers are busy.
   *
   * @throws IllegalStateException if a body has already failed
   */
  @Override
  public void accept(byte[] body) throws InterruptedException {
    checkFailure();
    while (!queue.offer(body, 100, TimeUnit.MILLISECONDS)) {
      checkFailure();
    }
  }

  /**
   * Waits for every queued body to be answered and stops the workers.
   *
   * @return the requests sent (retries included), the retries and the elapsed time
   * @throws IllegalStateException if a body could not be delivered
   */
  Result finish() throws InterruptedException {
    for (int i = 0; i < workers.size(); i++) {
      queue.put(END);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    checkFailure();
    return new Result(requests.get(), retries.get(), Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** Interrupts the workers and waits for them; does nothing after {@link #finish}. */
  @Override
  public void close() throws InterruptedException {
    failure.compareAndSet(null, "closed before finishing");
    for (Thread worker : workers) {
      worker.interrupt();
    }
    for (Thread worker : workers) {
      worker.join();
    }
  }

  /** What a load took. */
  record Result(long requests, long retries, Duration elapsed) {}

  private void checkFailure() {
    String reason = failure.get();
    if (reason != null) {
      throw new IllegalStateException("loading spans into " + endpoint + " failed: " + reason);
    }
  }

  private void work() {
    try {
      for (byte[] body = queue.take(); body != END; body = queue.take()) {
        if (failure.get() == null) {
          send(body);
        }
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, "interrupted");
      Thread.currentThread().interrupt();
    }
  }

  private void send(byte[] body) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    String last = "";
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      requests.incrementAndGet();
      try {
        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          return;
        }
        if (status != 429 && status != 503) {
          failure.compareAndSet(null, "status " + status + " (expected: 2xx)");
          return;
        }
        last = "status " + status;
      } catch (IOException e) {
        last = e.toString();
      }
      retries.incrementAndGet();
      LockSupport.parkNanos(RETRY_PAUSE_NANOS);
    }
    failure.compareAndSet(null, "no 2xx after " + MAX_ATTEMPTS + " attempts, the last: " + last);
  }
}
