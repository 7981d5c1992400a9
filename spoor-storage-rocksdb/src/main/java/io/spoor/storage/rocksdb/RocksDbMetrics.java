package io.spoor.storage.rocksdb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counters and gauges of one store, read by {@link RocksDbStorageFactory#metrics}. Names follow
 * {@code spoor_storage_rocksdb_<what>_<unit>}. Thread-safe: atomics only.
 */
final class RocksDbMetrics {
  private final AtomicLong spansWritten = new AtomicLong();
  private final AtomicLong spansFailed = new AtomicLong();
  private final AtomicLong writeFailures = new AtomicLong();
  private final AtomicLong droppedByAge = new AtomicLong();
  private final AtomicLong droppedBySize = new AtomicLong();
  private final AtomicLong diskBytes = new AtomicLong();
  private final AtomicLong buckets = new AtomicLong();
  private final AtomicLong oldestBucketAgeMillis = new AtomicLong();
  private final AtomicReference<String> lastWriteError = new AtomicReference<>("");

  void written(int spans) {
    spansWritten.addAndGet(spans);
    lastWriteError.set("");
  }

  void writeFailed(int spans, String message) {
    spansFailed.addAndGet(spans);
    writeFailures.incrementAndGet();
    lastWriteError.set(String.valueOf(message));
  }

  void droppedByAge() {
    droppedByAge.incrementAndGet();
  }

  void droppedBySize() {
    droppedBySize.incrementAndGet();
  }

  void measured(long disk, int bucketCount, long oldestAgeMillis) {
    diskBytes.set(disk);
    buckets.set(bucketCount);
    oldestBucketAgeMillis.set(oldestAgeMillis);
  }

  long diskBytes() {
    return diskBytes.get();
  }

  /** The message of the last write if it failed; empty once a write succeeds. */
  String lastWriteError() {
    return lastWriteError.get();
  }

  /** Every metric by name, with {@code retentionSeconds} and {@code maxDiskBytes} as configured. */
  Map<String, Double> snapshot(long retentionSeconds, long maxDiskBytes) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("spoor_storage_rocksdb_spans_written_total", (double) spansWritten.get());
    out.put("spoor_storage_rocksdb_spans_failed_total", (double) spansFailed.get());
    out.put("spoor_storage_rocksdb_write_failures_total", (double) writeFailures.get());
    out.put("spoor_storage_rocksdb_buckets_dropped_age_total", (double) droppedByAge.get());
    out.put("spoor_storage_rocksdb_buckets_dropped_size_total", (double) droppedBySize.get());
    out.put("spoor_storage_rocksdb_disk_bytes", (double) diskBytes.get());
    out.put("spoor_storage_rocksdb_disk_limit_bytes", (double) maxDiskBytes);
    out.put("spoor_storage_rocksdb_buckets", (double) buckets.get());
    out.put("spoor_storage_rocksdb_oldest_data_age_seconds", oldestBucketAgeMillis.get() / 1000.0);
    out.put("spoor_storage_rocksdb_retention_seconds", (double) retentionSeconds);
    return out;
  }
}
