package io.spoor.storage.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the store within its TTL and disk bound by whole buckets, oldest first: starts a new bucket
 * when the current one is due (by age or size), drops buckets whose every write is older than the
 * TTL, then drops the oldest buckets while the data directory is larger than {@code
 * --rocksdb.max-disk-bytes} (the bucket taking writes is never dropped). Disk use is the sum of the
 * file sizes in the data directory (SST files, write-ahead log, manifest, RocksDB's own log).
 *
 * <p>Runs on the storage's one retention thread, and from tests directly.
 */
final class Retention {
  private static final Logger log = LoggerFactory.getLogger(Retention.class);

  private final BucketedDatabase database;
  private final RocksDbConfig config;
  private final RocksDbMetrics metrics;
  private final Clock clock;

  Retention(BucketedDatabase database, RocksDbConfig config, RocksDbMetrics metrics, Clock clock) {
    this.database = database;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
  }

  void enforce() {
    database.rollIfDue(config.bucketBytes());
    int droppedByAge = 0;
    while (database.dropOldestIfExpired()) {
      metrics.droppedByAge();
      droppedByAge++;
    }
    long disk = diskBytes(database.path());
    int droppedBySize = 0;
    while (disk > config.maxDiskBytes()) {
      long freed = database.dropOldestForSpace();
      if (freed < 0) {
        // Only the bucket taking writes is left: close it, so the next run can drop it.
        database.rollIfDue(config.bucketBytes() / 2);
        break;
      }
      metrics.droppedBySize();
      droppedBySize++;
      disk -= freed;
    }
    if (droppedByAge + droppedBySize > 0) {
      log.info("rocksdb {}: dropped {} bucket(s) older than {} and {} for --rocksdb.max-disk-bytes={}",
          database.path(), droppedByAge, config.spanTtl(), droppedBySize, config.maxDiskBytes());
    }
    List<Long> starts = database.bucketStarts();
    long oldestAge = starts.isEmpty() ? 0 : Math.max(0, clock.millis() - starts.get(0));
    metrics.measured(diskBytes(database.path()), starts.size(), oldestAge);
  }

  /** The sizes of the files in the directory (RocksDB keeps all of them at its top level). */
  static long diskBytes(Path directory) {
    long total = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
      for (Path file : files) {
        total += sizeOf(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return total;
  }

  /** Files come and go while RocksDB works; a vanished one counts nothing. */
  private static long sizeOf(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.size(file) : 0;
    } catch (NoSuchFileException e) {
      return 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
