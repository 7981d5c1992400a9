package io.spoor.storage.rocksdb;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * The spans of a service whose duration falls in a range, read from the duration index and sorted
 * newest first. The index is ordered by duration, so the entries are collected before they are
 * sorted; beyond {@link #MAX_ENTRIES} the range is not selective and {@link #load} gives up, and the
 * caller scans the service's time index instead.
 */
final class DurationScan implements CandidateSource {
  static final int MAX_ENTRIES = 20_000;
  private static final Comparator<Candidate> NEWEST_FIRST =
      Comparator.comparingLong(Candidate::startNanos).reversed().thenComparing(Candidate::traceId);

  private final Iterator<Candidate> entries;

  private DurationScan(List<Candidate> entries) {
    entries.sort(NEWEST_FIRST);
    this.entries = entries.iterator();
  }

  /** The entries, or null when there are more than {@link #MAX_ENTRIES}. */
  static @Nullable DurationScan load(RocksDB db, List<ColumnFamilyHandle> buckets, String service,
      long minDuration, long maxDuration, long minStart, long maxStart) {
    byte[] servicePrefix = Keys.indexPrefix(Keys.BY_DURATION, service);
    List<Candidate> out = new ArrayList<>();
    try (Slice upper = new Slice(Keys.upperBound(servicePrefix));
        ReadOptions options = new ReadOptions().setTotalOrderSeek(true).setIterateUpperBound(upper)) {
      for (ColumnFamilyHandle bucket : buckets) {
        try (RocksIterator it = db.newIterator(bucket, options)) {
          for (it.seek(Keys.durationPrefix(servicePrefix, minDuration)); it.isValid(); it.next()) {
            byte[] key = it.key();
            if (Keys.entryDuration(key, servicePrefix.length) > maxDuration) {
              break;
            }
            long start = Keys.entryStart(key);
            if (start < minStart || start > maxStart) {
              continue;
            }
            if (out.size() == MAX_ENTRIES) {
              return null;
            }
            out.add(new Candidate(start, Keys.entryTrace(key)));
          }
        }
      }
    }
    return new DurationScan(out);
  }

  @Override
  public @Nullable Candidate next() {
    return entries.hasNext() ? entries.next() : null;
  }

  @Override
  public void close() {}
}
