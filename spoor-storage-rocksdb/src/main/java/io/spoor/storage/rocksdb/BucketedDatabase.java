package io.spoor.storage.rocksdb;

import io.spoor.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;
import org.jspecify.annotations.Nullable;

/**
 * The RocksDB database and its time buckets. Each bucket is a column family named {@code
 * spans-<epoch millis>} that takes every write (spans, indexes, services, written links) from its
 * start until the next bucket starts. Retention drops whole buckets, oldest first, so live data is
 * never rewritten.
 *
 * <p>Memory is bounded by one LRU block cache of {@code memoryBytes} that the memtables are charged
 * to as well (a {@link WriteBufferManager} over the cache).
 *
 * <p>Threading: a read-write lock. Reads and writes hold the read lock for their whole operation
 * (they use the buckets' handles); creating, dropping and closing buckets hold the write lock.
 */
final class BucketedDatabase implements AutoCloseable {
  private static final String PREFIX = "spans-";

  private final RocksDbConfig config;
  private final Clock clock;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final ColumnFamilyOptions bucketOptions;
  private final DBOptions dbOptions;
  private final WriteOptions writeOptions;
  private final @Nullable RocksDB db;
  private final @Nullable ColumnFamilyHandle defaultFamily;
  /** Start millis → bucket; the last one takes writes. */
  private final TreeMap<Long, ColumnFamilyHandle> buckets = new TreeMap<>();
  /** Bytes written to the newest bucket since it was created or this store opened (plus its SST files then). */
  private final AtomicLong currentBucketBytes = new AtomicLong();
  private boolean closed;

  private BucketedDatabase(RocksDbConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    RocksDB.loadLibrary();
    Cache cache = keep(new LRUCache(config.memoryBytes()));
    WriteBufferManager memtables = keep(new WriteBufferManager(config.memoryBytes() / 2, cache));
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setBlockCache(cache)
        .setFilterPolicy(keep(new BloomFilter(10)))
        .setWholeKeyFiltering(false)
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true)
        .setBlockSize(16 * 1024);
    this.bucketOptions = keep(new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .useFixedLengthPrefixExtractor(Keys.TRACE_PREFIX_LENGTH)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setBottommostCompressionType(CompressionType.ZSTD_COMPRESSION)
        .setWriteBufferSize(Math.min(64L << 20, config.memoryBytes() / 4))
        .setMaxWriteBufferNumber(2)
        .setLevelCompactionDynamicLevelBytes(true));
    this.dbOptions = keep(new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setWriteBufferManager(memtables)
        .setMaxTotalWalSize(Math.min(256L << 20, Math.max(config.maxDiskBytes() / 8, 4L << 20)))
        .setMaxBackgroundJobs(2)
        .setKeepLogFileNum(3)
        .setMaxLogFileSize(1 << 20)
        .setBytesPerSync(1 << 20));
    this.writeOptions = keep(new WriteOptions().setSync(config.syncWrites()));
    Path path = config.path();
    try {
      DataDirectory.prepare(path);
      ColumnFamilyOptions plain = keep(new ColumnFamilyOptions());
      List<ColumnFamilyDescriptor> families = new ArrayList<>();
      for (byte[] name : DataDirectory.columnFamilies(path)) {
        families.add(new ColumnFamilyDescriptor(name, isBucket(name) ? bucketOptions : plain));
      }
      List<ColumnFamilyHandle> handles = new ArrayList<>();
      this.db = DataDirectory.open(path, dbOptions, families, handles);
      ColumnFamilyHandle defaultHandle = null;
      for (int i = 0; i < families.size(); i++) {
        byte[] name = families.get(i).getName();
        if (isBucket(name)) {
          buckets.put(bucketStart(name), handles.get(i));
        } else if (Arrays.equals(name, RocksDB.DEFAULT_COLUMN_FAMILY)) {
          defaultHandle = handles.get(i);
        } else {
          handles.get(i).close();
        }
      }
      this.defaultFamily = defaultHandle;
      DataDirectory.checkFormat(path, db, !buckets.isEmpty());
      if (buckets.isEmpty()) {
        createBucket(clock.millis());
      }
      currentBucketBytes.set(sstBytes(buckets.lastEntry().getValue()));
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Opens (creating if needed) the store at {@code config.path()}. */
  static BucketedDatabase open(RocksDbConfig config, Clock clock) {
    return new BucketedDatabase(config, clock);
  }

  private <T extends AutoCloseable> T keep(T resource) {
    resources.add(resource);
    return resource;
  }

  /** Runs {@code action} with the buckets newest first, under the read lock. */
  <T> T read(BucketAction<T> action) {
    Lock read = lock.readLock();
    read.lock();
    try {
      checkOpen();
      List<ColumnFamilyHandle> newestFirst = new ArrayList<>(buckets.descendingMap().values());
      return action.apply(db, Collections.unmodifiableList(newestFirst));
    } catch (RocksDBException e) {
      throw new StorageException("rocksdb read failed: " + e.getMessage(), e);
    } finally {
      read.unlock();
    }
  }

  /** Fills a batch for the bucket that takes writes now and writes it to the WAL and memtable. */
  void write(BatchFiller filler) throws RocksDBException {
    Lock read = lock.readLock();
    read.lock();
    try (WriteBatch batch = new WriteBatch()) {
      checkOpen();
      Map.Entry<Long, ColumnFamilyHandle> current = buckets.lastEntry();
      filler.fill(batch, current.getKey(), current.getValue());
      db.write(writeOptions, batch);
      currentBucketBytes.addAndGet(batch.getDataSize());
    } finally {
      read.unlock();
    }
  }

  /**
   * Starts a new bucket when the current one is older than the bucket width or holds at least
   * {@code sizeBytes}, then flushes the old one's memtable so its WAL can go.
   */
  boolean rollIfDue(long sizeBytes) {
    long now = clock.millis();
    Map.Entry<Long, ColumnFamilyHandle> previous;
    Lock write = lock.writeLock();
    write.lock();
    try {
      checkOpen();
      previous = buckets.lastEntry();
      boolean old = now - previous.getKey() >= config.bucketWidth().toMillis();
      boolean large = currentBucketBytes.get() >= sizeBytes;
      if (!old && !large) {
        return false;
      }
      createBucket(Math.max(now, previous.getKey() + 1));
    } finally {
      write.unlock();
    }
    flushIfLive(previous.getKey());
    return true;
  }

  /**
   * Flushes a closed bucket's memtable and waits, so that RocksDB frees the WAL files that held it
   * before the next disk measurement. Under the read lock: writes and reads go on meanwhile, and the
   * bucket cannot be dropped under the flush.
   */
  private void flushIfLive(long bucketStart) {
    Lock read = lock.readLock();
    read.lock();
    try (FlushOptions flush = new FlushOptions().setWaitForFlush(true)) {
      ColumnFamilyHandle bucket = closed ? null : buckets.get(bucketStart);
      if (bucket != null) {
        db.flush(flush, bucket);
      }
    } catch (RocksDBException e) {
      throw new StorageException("rocksdb: cannot flush bucket " + PREFIX + bucketStart + ": " + e.getMessage(), e);
    } finally {
      read.unlock();
    }
  }

  /**
   * Drops the oldest bucket if every write in it is older than the TTL, that is when the next
   * bucket started before {@code now - ttl}. The newest bucket is never dropped.
   *
   * @return whether one was dropped
   */
  boolean dropOldestIfExpired() {
    long cutoff = clock.millis() - config.spanTtl().toMillis();
    Lock write = lock.writeLock();
    write.lock();
    try {
      checkOpen();
      if (buckets.size() < 2 || buckets.higherKey(buckets.firstKey()) > cutoff) {
        return false;
      }
      dropOldest();
      return true;
    } finally {
      write.unlock();
    }
  }

  /**
   * Drops the oldest bucket unless it is the only one.
   *
   * @return the bytes of its SST files (older buckets were flushed when they closed), or -1 when
   *     nothing was dropped
   */
  long dropOldestForSpace() {
    Lock write = lock.writeLock();
    write.lock();
    try {
      checkOpen();
      if (buckets.size() < 2) {
        return -1;
      }
      long bytes = sstBytes(buckets.firstEntry().getValue());
      dropOldest();
      return bytes;
    } finally {
      write.unlock();
    }
  }

  private void dropOldest() {
    Map.Entry<Long, ColumnFamilyHandle> oldest = buckets.pollFirstEntry();
    try {
      db.dropColumnFamily(oldest.getValue());
    } catch (RocksDBException e) {
      buckets.put(oldest.getKey(), oldest.getValue());
      throw new StorageException("rocksdb: cannot drop bucket " + PREFIX + oldest.getKey() + ": " + e.getMessage(), e);
    }
    oldest.getValue().close();
  }

  /** Drops every bucket and starts a new, empty one. */
  void purge() {
    Lock write = lock.writeLock();
    write.lock();
    try {
      checkOpen();
      long next = buckets.lastKey() + 1;
      while (!buckets.isEmpty()) {
        dropOldest();
      }
      createBucket(Math.max(clock.millis(), next));
    } finally {
      write.unlock();
    }
  }

  private void createBucket(long startMillis) {
    String name = PREFIX + startMillis;
    try {
      ColumnFamilyHandle handle = db.createColumnFamily(
          new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), bucketOptions));
      buckets.put(startMillis, handle);
      currentBucketBytes.set(0);
    } catch (RocksDBException e) {
      throw new StorageException("rocksdb: cannot create bucket " + name + ": " + e.getMessage(), e);
    }
  }

  /** Start millis of each bucket, oldest first. */
  List<Long> bucketStarts() {
    Lock read = lock.readLock();
    read.lock();
    try {
      return List.copyOf(buckets.keySet());
    } finally {
      read.unlock();
    }
  }

  private long sstBytes(ColumnFamilyHandle handle) {
    try {
      return db.getLongProperty(handle, "rocksdb.live-sst-files-size");
    } catch (RocksDBException e) {
      return 0;
    }
  }

  Path path() {
    return config.path();
  }

  private void checkOpen() {
    if (closed) {
      throw new StorageException("rocksdb storage " + config.path() + ": closed (expected: a started storage)");
    }
  }

  /** Flushes nothing: every acknowledged write is already in the WAL. Idempotent. */
  @Override
  public void close() {
    Lock write = lock.writeLock();
    write.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (ColumnFamilyHandle handle : buckets.values()) {
        handle.close();
      }
      buckets.clear();
      if (defaultFamily != null) {
        defaultFamily.close();
      }
      if (db != null) {
        db.close();
      }
      for (int i = resources.size() - 1; i >= 0; i--) {
        try {
          resources.get(i).close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    } finally {
      write.unlock();
    }
  }

  private static boolean isBucket(byte[] name) {
    return new String(name, StandardCharsets.UTF_8).startsWith(PREFIX);
  }

  private static long bucketStart(byte[] name) {
    return Long.parseLong(new String(name, StandardCharsets.UTF_8).substring(PREFIX.length()));
  }

  /** Work done with the database and the buckets, newest first. */
  @FunctionalInterface
  interface BucketAction<T> {
    T apply(RocksDB db, List<ColumnFamilyHandle> newestFirst) throws RocksDBException;
  }

  /** Puts a write's keys into the batch for the bucket that takes writes now. */
  @FunctionalInterface
  interface BatchFiller {
    void fill(WriteBatch batch, long bucketStart, ColumnFamilyHandle bucket) throws RocksDBException;
  }
}
