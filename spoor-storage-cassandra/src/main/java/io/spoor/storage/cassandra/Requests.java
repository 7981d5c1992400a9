package io.spoor.storage.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import io.spoor.storage.StorageException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends statements asynchronously with at most {@code maxInFlight} outstanding, retrying timeouts,
 * overload and unavailability up to {@code maxRetries} times with a growing pause. A caller that finds
 * every slot taken waits up to the request timeout, then fails: the cluster is slower than the
 * incoming spans, and the collector's queue sheds the rest visibly.
 */
final class Requests {
  private final CqlSession session;
  private final int maxInFlight;
  private final Semaphore slots;
  private final int maxRetries;
  private final Duration timeout;
  private final CassandraMetrics metrics;

  Requests(CqlSession session, int maxInFlight, int maxRetries, Duration timeout, CassandraMetrics metrics) {
    this.session = session;
    this.maxInFlight = maxInFlight;
    this.slots = new Semaphore(maxInFlight);
    this.maxRetries = maxRetries;
    this.timeout = timeout;
    this.metrics = metrics;
    metrics.inFlight(this::inFlight);
  }

  int inFlight() {
    return maxInFlight - slots.availablePermits();
  }

  /** Takes a slot (waiting up to the request timeout) and sends; the future completes with the rows. */
  CompletableFuture<AsyncResultSet> send(Statement<?> statement) {
    try {
      if (!slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        metrics.inFlightTimeouts.increment();
        return CompletableFuture.failedFuture(new StorageException("cassandra: " + maxInFlight
            + " requests still in flight after " + timeout.toMillis() + " ms (--cassandra.max-in-flight):"
            + " the cluster is slower than the incoming spans"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.failedFuture(new StorageException("cassandra: interrupted while waiting to send", e));
    }
    CompletableFuture<AsyncResultSet> result = attempt(statement, 0).toCompletableFuture();
    result.whenComplete((rs, err) -> slots.release());
    return result;
  }

  private CompletionStage<AsyncResultSet> attempt(Statement<?> statement, int attempt) {
    metrics.requests.increment();
    return session.executeAsync(statement).handle((rs, err) -> {
      if (err == null) {
        return CompletableFuture.completedFuture(rs);
      }
      Throwable cause = unwrap(err);
      if (attempt < maxRetries && retriable(cause)) {
        metrics.retries.increment();
        long pause = 50L << Math.min(attempt, 5);
        return CompletableFuture.supplyAsync(() -> null,
                CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS))
            .thenCompose(ignored -> attempt(statement, attempt + 1));
      }
      metrics.requestFailures.increment();
      return CompletableFuture.<AsyncResultSet>failedFuture(cause);
    }).thenCompose(stage -> stage);
  }

  static boolean retriable(Throwable t) {
    return t instanceof WriteTimeoutException
        || t instanceof ReadTimeoutException
        || t instanceof DriverTimeoutException
        || t instanceof OverloadedException
        || t instanceof UnavailableException
        || t instanceof BusyConnectionException;
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Waits for a future of {@link #send}, turning a failure into a {@link StorageException}. */
  static <T> T await(CompletableFuture<T> future, String what) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw storageException(what, unwrap(e));
    }
  }

  /** Every row of every page. */
  static java.util.List<com.datastax.oss.driver.api.core.cql.Row> allRows(CompletableFuture<AsyncResultSet> first,
      String what) {
    java.util.List<com.datastax.oss.driver.api.core.cql.Row> rows = new java.util.ArrayList<>();
    AsyncResultSet page = await(first, what);
    while (true) {
      page.currentPage().forEach(rows::add);
      if (!page.hasMorePages()) {
        return rows;
      }
      page = await(page.fetchNextPage().toCompletableFuture(), what);
    }
  }

  static StorageException storageException(String what, Throwable cause) {
    if (cause instanceof StorageException) {
      return (StorageException) cause;
    }
    return new StorageException("cassandra: " + what + " failed: " + cause.getClass().getSimpleName() + ": "
        + cause.getMessage(), cause);
  }
}
