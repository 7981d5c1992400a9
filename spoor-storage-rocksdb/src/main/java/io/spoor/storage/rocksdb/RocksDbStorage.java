package io.spoor.storage.rocksdb;

import io.spoor.codec.jaeger.proto.JaegerProtoCodec;
import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RocksDB backend: a {@link BucketedDatabase} with a writer, a reader and a dependency store
 * over it, and one thread ({@code spoor-rocksdb-retention-1}) that enforces retention. {@link
 * #start()} opens the data directory; {@link #close()} stops the thread and closes the database.
 */
final class RocksDbStorage implements Storage {
  private static final Logger log = LoggerFactory.getLogger(RocksDbStorage.class);
  private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.allOf(Capability.class));

  private final RocksDbConfig config;
  private final Clock clock;
  private final RocksDbMetrics metrics = new RocksDbMetrics();
  private final Object lifecycle = new Object();
  private volatile @Nullable Started started;
  private boolean closed;

  RocksDbStorage(RocksDbConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Opens the data directory and starts the retention thread.
   *
   * @throws StorageException naming the directory and the cause: not writable, locked by another
   *     process, an incompatible format, RocksDB's own error
   */
  @Override
  public void start() {
    synchronized (lifecycle) {
      if (closed) {
        throw new StorageException("rocksdb storage " + config.path() + ": closed (expected: a new storage)");
      }
      if (started != null) {
        return;
      }
      BucketedDatabase database = BucketedDatabase.open(config, clock);
      try {
        started = new Started(database, config, metrics, clock);
      } catch (RuntimeException e) {
        database.close();
        throw e;
      }
      log.info("rocksdb storage at {}: span TTL {}, max disk {} bytes, memory {} bytes, sync writes {}",
          config.path().toAbsolutePath(), config.spanTtl(), config.maxDiskBytes(), config.memoryBytes(),
          config.syncWrites());
    }
  }

  private Started started() {
    Started s = started;
    if (s == null) {
      throw new StorageException("rocksdb storage " + config.path() + ": not started (expected: start() first)");
    }
    return s;
  }

  @Override
  public SpanWriter spanWriter() {
    return started().writer;
  }

  @Override
  public SpanReader spanReader() {
    return started().reader;
  }

  @Override
  public DependencyStore dependencyStore() {
    return started().dependencies;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public HealthStatus check() {
    Started s = started;
    if (s == null) {
      return HealthStatus.unhealthy("rocksdb storage " + config.path() + ": " + (closed ? "closed" : "not started"));
    }
    String writeError = metrics.lastWriteError();
    if (!writeError.isEmpty()) {
      return HealthStatus.unhealthy("rocksdb storage " + config.path() + ": writes failing: " + writeError);
    }
    return HealthStatus.OK;
  }

  /** Drops every bucket. */
  @Override
  public void purge() {
    Started s = started();
    s.database.purge();
    s.writer.forgetNames();
  }

  /** Enforces retention now, as the retention thread does on its schedule. */
  void enforceRetention() {
    started().retention.enforce();
  }

  BucketedDatabase database() {
    return started().database;
  }

  @Override
  public Map<String, Double> metrics() {
    return metrics.snapshot(config.spanTtl().toSeconds(), config.maxDiskBytes());
  }

  @Override
  public void close() {
    synchronized (lifecycle) {
      closed = true;
      Started s = started;
      started = null;
      if (s != null) {
        s.close();
      }
    }
  }

  /** What exists between start and close. */
  private static final class Started {
    final BucketedDatabase database;
    final RocksDbSpanWriter writer;
    final RocksDbSpanReader reader;
    final RocksDbDependencyStore dependencies;
    final Retention retention;
    final ScheduledExecutorService retentionThread;

    Started(BucketedDatabase database, RocksDbConfig config, RocksDbMetrics metrics, Clock clock) {
      JaegerProtoCodec codec = new JaegerProtoCodec();
      TraceLoader loader = new TraceLoader(codec);
      this.database = database;
      this.writer = new RocksDbSpanWriter(database, codec, metrics);
      this.reader = new RocksDbSpanReader(database, loader);
      this.dependencies = new RocksDbDependencyStore(database, loader, clock.millis() * 1000);
      this.retention = new Retention(database, config, metrics, clock);
      retention.enforce();
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
          r -> new Thread(r, "spoor-rocksdb-retention-1"));
      executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
      long period = retentionPeriod(config).toMillis();
      executor.scheduleWithFixedDelay(this::enforceQuietly, period, period, TimeUnit.MILLISECONDS);
      this.retentionThread = executor;
    }

    /** A fourth of a bucket's width, between 100 ms and 30 s. */
    static Duration retentionPeriod(RocksDbConfig config) {
      Duration quarter = config.bucketWidth().dividedBy(4);
      Duration least = Duration.ofMillis(100);
      Duration most = Duration.ofSeconds(30);
      return quarter.compareTo(least) < 0 ? least : quarter.compareTo(most) > 0 ? most : quarter;
    }

    private void enforceQuietly() {
      try {
        retention.enforce();
      } catch (RuntimeException e) {
        // The thread must survive: the next run tries again. Closing races end here too.
        log.warn("rocksdb {}: retention run failed: {}", database.path(), e.toString());
      }
    }

    void close() {
      retentionThread.shutdownNow();
      try {
        if (!retentionThread.awaitTermination(30, TimeUnit.SECONDS)) {
          log.warn("rocksdb {}: retention thread did not stop within 30s", database.path());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      database.close();
    }
  }
}
