package io.spoor.storage.rocksdb;

import io.spoor.model.DependencyLink;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.StorageException;
import io.spoor.storage.rocksdb.CandidateSource.Candidate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * Links written by a batch job ({@code L} keys in the bucket taking writes, so they age out with
 * spans), plus links derived on read: a span starting in the window whose parent span (same trace)
 * belongs to another service counts one call from the parent's service to its own. Derivation
 * reads every trace with a span in the window (found through the {@code a} index), so its cost grows
 * with the window's traffic.
 */
final class RocksDbDependencyStore implements DependencyStore {
  private static final Comparator<DependencyLink> ORDER =
      Comparator.comparing(DependencyLink::parent).thenComparing(DependencyLink::child);
  private static final Duration LONGEST = Duration.ofNanos(Long.MAX_VALUE);

  private final BucketedDatabase database;
  private final TraceLoader loader;
  /** Makes keys of writes at the same moment distinct. */
  private final AtomicLong sequence;

  RocksDbDependencyStore(BucketedDatabase database, TraceLoader loader, long firstSequence) {
    this.database = database;
    this.loader = loader;
    this.sequence = new AtomicLong(firstSequence);
  }

  @Override
  public void writeDependencies(Instant timestamp, List<DependencyLink> links) {
    Objects.requireNonNull(timestamp, "timestamp");
    byte[] value = encode(List.copyOf(links));
    byte[] key = Keys.links(toNanos(timestamp), sequence.incrementAndGet());
    try {
      database.write((batch, bucketStart, bucket) -> batch.put(bucket, key, value));
    } catch (RocksDBException e) {
      throw new StorageException("rocksdb write of dependency links to " + database.path() + " failed: "
          + e.getMessage(), e);
    }
  }

  @Override
  public List<DependencyLink> getDependencies(Instant end, Duration lookback) {
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(lookback, "lookback");
    if (lookback.isNegative()) {
      throw new IllegalArgumentException("lookback: " + lookback + " (expected: >= 0)");
    }
    long max = toNanos(end);
    long lookbackNanos = lookback.compareTo(LONGEST) >= 0 ? Long.MAX_VALUE : lookback.toNanos();
    long min = max - lookbackNanos > max ? Long.MIN_VALUE : max - lookbackNanos;
    Map<List<String>, DependencyLink> sums = new HashMap<>();
    database.read((db, buckets) -> {
      readWritten(db, buckets, min, max, sums);
      deriveFromSpans(db, buckets, min, max, sums);
      return null;
    });
    List<DependencyLink> out = new ArrayList<>(sums.values());
    out.sort(ORDER);
    return out;
  }

  private static void readWritten(RocksDB db, List<ColumnFamilyHandle> buckets, long min, long max,
      Map<List<String>, DependencyLink> sums) {
    try (Slice upper = new Slice(Keys.upperBound(new byte[] {Keys.LINKS}));
        ReadOptions options = new ReadOptions().setTotalOrderSeek(true).setIterateUpperBound(upper)) {
      for (ColumnFamilyHandle bucket : buckets) {
        try (RocksIterator it = db.newIterator(bucket, options)) {
          for (it.seek(Keys.linksFrom(min)); it.isValid() && Keys.linksTime(it.key()) <= max; it.next()) {
            for (DependencyLink link : decode(it.value())) {
              merge(sums, link);
            }
          }
        }
      }
    }
  }

  private void deriveFromSpans(RocksDB db, List<ColumnFamilyHandle> buckets, long min, long max,
      Map<List<String>, DependencyLink> sums) {
    Set<TraceId> seen = new HashSet<>();
    Map<List<String>, Long> calls = new HashMap<>();
    try (IndexScan scan = new IndexScan(db, buckets, Keys.indexPrefix(Keys.BY_TIME), min, max)) {
      for (Candidate c = scan.next(); c != null; c = scan.next()) {
        if (seen.add(c.traceId())) {
          countCalls(loader.load(db, buckets, c.traceId()), min, max, calls);
        }
      }
    }
    calls.forEach((pair, count) -> merge(sums, DependencyLink.of(pair.get(0), pair.get(1), count)));
  }

  private static void countCalls(List<Span> spans, long min, long max, Map<List<String>, Long> calls) {
    Map<SpanId, String> serviceOfSpan = new HashMap<>();
    for (Span span : spans) {
      serviceOfSpan.put(span.spanId(), span.serviceName());
    }
    for (Span span : spans) {
      if (span.startTimeNanos() < min || span.startTimeNanos() > max) {
        continue;
      }
      SpanId parent = span.parentSpanId();
      String parentService = parent.isZero() ? null : serviceOfSpan.get(parent);
      if (parentService != null && !parentService.equals(span.serviceName())) {
        calls.merge(List.of(parentService, span.serviceName()), 1L, Long::sum);
      }
    }
  }

  /** Calls of one pair are summed; the first non-empty {@code source} seen is kept. */
  private static void merge(Map<List<String>, DependencyLink> sums, DependencyLink link) {
    sums.merge(List.of(link.parent(), link.child()), link, (a, b) -> new DependencyLink(a.parent(), a.child(),
        a.callCount() + b.callCount(), a.source().isEmpty() ? b.source() : a.source()));
  }

  private static byte[] encode(List<DependencyLink> links) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(links.size());
      for (DependencyLink link : links) {
        out.writeUTF(link.parent());
        out.writeUTF(link.child());
        out.writeLong(link.callCount());
        out.writeUTF(link.source());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static List<DependencyLink> decode(byte[] value) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
      int n = in.readInt();
      List<DependencyLink> out = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        out.add(new DependencyLink(in.readUTF(), in.readUTF(), in.readLong(), in.readUTF()));
      }
      return out;
    } catch (IOException e) {
      throw new StorageException("rocksdb: stored dependency links are corrupt: " + e, e);
    }
  }

  private static long toNanos(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
