package io.spoor.storage.rocksdb;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code rocksdb} backend ({@code SPAN_STORAGE_TYPE=rocksdb}): spans and their indexes in an
 * embedded RocksDB database, kept across restarts and crashes. The single-machine default.
 *
 * <p>Options (each also read from the environment, {@code ROCKSDB_PATH} and so on):
 * <ul>
 *   <li>{@code --rocksdb.path} ({@value #DEFAULT_PATH}): the data directory; one process at a time.
 *   <li>{@code --rocksdb.span-ttl} ({@value #DEFAULT_SPAN_TTL}): spans are kept at least this long
 *       after they were written and dropped at most a twelfth of it later.
 *   <li>{@code --rocksdb.max-disk-bytes} (10 GiB): beyond it the oldest data is dropped first.
 *   <li>{@code --rocksdb.memory-bytes} (256 MiB): block cache and memtables together.
 *   <li>{@code --rocksdb.sync-writes} (false): see durability below.
 * </ul>
 *
 * <p>Durability: {@link io.spoor.storage.SpanWriter#write} returns once the batch is in RocksDB's
 * write-ahead log. Without {@code --rocksdb.sync-writes} the log is written to the operating system
 * but not fsynced, so an acknowledged span survives the death of the process ({@code kill -9}, an
 * out-of-memory kill) but not a power loss or kernel crash; with it, every write is fsynced
 * (concurrent writers share one fsync) and survives those too, at a cost in latency.
 *
 * <p>Metrics: {@link Storage#metrics()} (also {@link #metrics(Storage)}); the server exports them.
 */
public final class RocksDbStorageFactory implements StorageFactory {
  /** The data directory. */
  public static final String PATH = "rocksdb.path";
  /** How long spans are kept after they were written, a Go duration. */
  public static final String SPAN_TTL = "rocksdb.span-ttl";
  /** The greatest size of the data directory in bytes. */
  public static final String MAX_DISK_BYTES = "rocksdb.max-disk-bytes";
  /** Block cache plus memtables, bytes. */
  public static final String MEMORY_BYTES = "rocksdb.memory-bytes";
  /** Fsync the write-ahead log before a write returns. */
  public static final String SYNC_WRITES = "rocksdb.sync-writes";

  public static final String DEFAULT_PATH = "./spoor-data";
  public static final String DEFAULT_SPAN_TTL = "72h";
  public static final long DEFAULT_MAX_DISK_BYTES = 10L << 30;
  public static final long DEFAULT_MEMORY_BYTES = 256L << 20;

  @Override
  public String name() {
    return "rocksdb";
  }

  @Override
  public List<StorageOption> options() {
    return List.of(
        new StorageOption(PATH, DEFAULT_PATH,
            "The data directory, created if missing; one Spoor process may use it at a time."),
        new StorageOption(SPAN_TTL, DEFAULT_SPAN_TTL,
            "How long spans are kept after they were written; whole time buckets of a twelfth of it are dropped."),
        new StorageOption(MAX_DISK_BYTES, Long.toString(DEFAULT_MAX_DISK_BYTES),
            "The most the data directory may hold; beyond it the oldest spans are dropped first."),
        new StorageOption(MEMORY_BYTES, Long.toString(DEFAULT_MEMORY_BYTES),
            "Memory for RocksDB's block cache and memtables together."),
        new StorageOption(SYNC_WRITES, "false",
            "Fsync the write-ahead log before acknowledging a write: survives power loss, not only process death."));
  }

  /** @throws IllegalArgumentException naming the option, its value and what was expected */
  @Override
  public Storage create(StorageSettings settings) {
    Objects.requireNonNull(settings, "settings");
    RocksDbConfig config = new RocksDbConfig(
        Path.of(settings.getString(PATH, DEFAULT_PATH)),
        settings.getDuration(SPAN_TTL, Duration.ofHours(72)),
        settings.getLong(MAX_DISK_BYTES, DEFAULT_MAX_DISK_BYTES),
        settings.getBoolean(SYNC_WRITES, false),
        settings.getLong(MEMORY_BYTES, DEFAULT_MEMORY_BYTES));
    return new RocksDbStorage(config, Clock.systemUTC());
  }

  /**
   * The current metrics of a storage this factory created, by Prometheus-style name: {@code
   * spoor_storage_rocksdb_disk_bytes}, {@code _disk_limit_bytes}, {@code _buckets}, {@code
   * _oldest_data_age_seconds}, {@code _retention_seconds}, {@code _spans_written_total}, {@code
   * _spans_failed_total}, {@code _write_failures_total}, {@code _buckets_dropped_age_total}, {@code
   * _buckets_dropped_size_total}. Gauges of disk use are refreshed by each retention run.
   *
   * @throws IllegalArgumentException when {@code storage} was not created by this factory
   */
  public static Map<String, Double> metrics(Storage storage) {
    Objects.requireNonNull(storage, "storage");
    if (!(storage instanceof RocksDbStorage)) {
      throw new IllegalArgumentException("storage: " + storage.getClass().getName()
          + " (expected: a storage created by the rocksdb factory)");
    }
    return ((RocksDbStorage) storage).metrics();
  }
}
