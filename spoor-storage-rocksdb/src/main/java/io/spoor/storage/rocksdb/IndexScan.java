package io.spoor.storage.rocksdb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.jspecify.annotations.Nullable;

/**
 * The entries of one index prefix across every bucket, merged newest first, for spans starting in
 * {@code [minStart, maxStart]}. Each bucket is one range scan; a heap merges them. Not thread-safe;
 * close it to free the iterators.
 */
final class IndexScan implements CandidateSource {
  private final byte[] prefix;
  private final long minStart;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private final PriorityQueue<Head> heads = new PriorityQueue<>(IndexScan::compareSuffix);

  IndexScan(RocksDB db, List<ColumnFamilyHandle> buckets, byte[] prefix, long minStart, long maxStart) {
    this.prefix = prefix;
    this.minStart = minStart;
    Slice upper = keep(new Slice(Keys.upperBound(prefix)));
    ReadOptions options = keep(new ReadOptions().setTotalOrderSeek(true).setIterateUpperBound(upper));
    byte[] seek = Keys.seekNewest(prefix, maxStart);
    for (ColumnFamilyHandle bucket : buckets) {
      RocksIterator it = keep(db.newIterator(bucket, options));
      it.seek(seek);
      offer(new Head(it));
    }
  }

  private <T extends AutoCloseable> T keep(T resource) {
    resources.add(resource);
    return resource;
  }

  private void offer(Head head) {
    if (!head.iterator.isValid()) {
      return;
    }
    byte[] key = head.iterator.key();
    if (key.length != prefix.length + Keys.INDEX_SUFFIX_LENGTH || !Keys.startsWith(key, prefix)
        || Keys.entryStart(key) < minStart) {
      return;
    }
    head.key = key;
    heads.add(head);
  }

  @Override
  public @Nullable Candidate next() {
    Head head = heads.poll();
    if (head == null) {
      return null;
    }
    Candidate out = new Candidate(Keys.entryStart(head.key), Keys.entryTrace(head.key));
    head.iterator.next();
    offer(head);
    return out;
  }

  private static int compareSuffix(Head a, Head b) {
    byte[] x = a.key;
    byte[] y = b.key;
    return Arrays.compareUnsigned(x, x.length - Keys.INDEX_SUFFIX_LENGTH, x.length,
        y, y.length - Keys.INDEX_SUFFIX_LENGTH, y.length);
  }

  @Override
  public void close() {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** A bucket's iterator and its current key (read once: each read copies it). */
  private static final class Head {
    final RocksIterator iterator;
    byte[] key = new byte[0];

    Head(RocksIterator iterator) {
      this.iterator = iterator;
    }
  }
}
