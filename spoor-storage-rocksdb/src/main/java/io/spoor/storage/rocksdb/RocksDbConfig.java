package io.spoor.storage.rocksdb;

import io.spoor.storage.GoDuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The options of one RocksDB store, validated. Defaults live in {@link RocksDbStorageFactory}.
 *
 * @param path the data directory
 * @param spanTtl how long spans are kept after they were written
 * @param maxDiskBytes the most the data directory may hold; the oldest bucket is dropped beyond it
 * @param syncWrites fsync the write-ahead log before a write returns (power-loss durability)
 * @param memoryBytes block cache plus memtables
 */
record RocksDbConfig(Path path, Duration spanTtl, long maxDiskBytes, boolean syncWrites, long memoryBytes) {
  /** Retention drops whole buckets, so a TTL is cut into this many of them. */
  static final int BUCKETS_PER_TTL = 12;
  /** A bucket is closed early once it holds this share of {@code maxDiskBytes}. */
  static final int BUCKETS_PER_DISK_BOUND = 8;

  RocksDbConfig {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(spanTtl, "spanTtl");
    if (spanTtl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("--" + RocksDbStorageFactory.SPAN_TTL + ": " + GoDuration.format(spanTtl)
          + " (expected: at least 1s)");
    }
    if (maxDiskBytes < 1L << 20) {
      throw new IllegalArgumentException("--" + RocksDbStorageFactory.MAX_DISK_BYTES + ": " + maxDiskBytes
          + " (expected: at least 1048576, 1 MiB)");
    }
    if (memoryBytes < 16L << 20) {
      throw new IllegalArgumentException("--" + RocksDbStorageFactory.MEMORY_BYTES + ": " + memoryBytes
          + " (expected: at least 16777216, 16 MiB)");
    }
  }

  /** How long one bucket takes writes: a twelfth of the TTL, so data lives at most 13/12 of it. */
  Duration bucketWidth() {
    return spanTtl.dividedBy(BUCKETS_PER_TTL);
  }

  /** A bucket that grows past this is closed and a new one opened, so that dropping one frees little. */
  long bucketBytes() {
    return maxDiskBytes / BUCKETS_PER_DISK_BOUND;
  }
}
