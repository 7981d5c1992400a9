package io.spoor.storage.memory;

import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Traces ordered by the earliest start of the spans this index covers (one service, or all), so
 * that a search visits only traces with a span that may fall in the time window.
 *
 * <p>Each entry knows the earliest and latest start of its covered spans. A search walks entries
 * from the window's end downwards and stops once an entry's earliest start is below the window's
 * start by more than the widest spread any entry ever had: no earlier entry can reach into the
 * window. The widest spread only grows until {@link #clear()}: after a long trace is evicted the
 * bound stays safe, only looser. Not thread-safe: {@link TraceTable} guards it.
 */
final class TimeIndex {
  /** Newest first by trace start; ties by trace id so that results are stable. */
  static final Comparator<StoredTrace> NEWEST_FIRST = Comparator.comparingLong(StoredTrace::startNanos)
      .thenComparing(StoredTrace::id).reversed();
  /** The greatest id (unsigned), to include every trace of the window's last instant. */
  private static final TraceId MAX_ID = TraceId.of(-1L, -1L);

  private final NavigableMap<Key, Entry> byStart = new TreeMap<>();
  private final Map<TraceId, Entry> byTrace = new HashMap<>();
  private long widestSpread;

  /** Records that {@code trace} has a covered span starting at {@code startNanos}. */
  void add(StoredTrace trace, long startNanos) {
    Entry entry = byTrace.get(trace.id());
    if (entry == null) {
      entry = new Entry(trace, startNanos);
      byTrace.put(trace.id(), entry);
      byStart.put(entry.key(), entry);
      return;
    }
    if (startNanos < entry.minStart) {
      byStart.remove(entry.key());
      entry.minStart = startNanos;
      byStart.put(entry.key(), entry);
    }
    entry.maxStart = Math.max(entry.maxStart, startNanos);
    widestSpread = Math.max(widestSpread, saturatedDifference(entry.maxStart, entry.minStart));
  }

  void remove(TraceId id) {
    Entry entry = byTrace.remove(id);
    if (entry != null) {
      byStart.remove(entry.key());
    }
  }

  void clear() {
    byStart.clear();
    byTrace.clear();
    widestSpread = 0;
  }

  boolean isEmpty() {
    return byTrace.isEmpty();
  }

  int size() {
    return byTrace.size();
  }

  /** Every trace with a covered span starting in {@code [min, max]}. */
  void forEachOverlapping(long min, long max, Consumer<StoredTrace> action) {
    long floor = min - widestSpread > min ? Long.MIN_VALUE : min - widestSpread;
    for (Entry entry : byStart.headMap(new Key(max, MAX_ID), true).descendingMap().values()) {
      if (entry.minStart < floor) {
        return;
      }
      if (entry.maxStart >= min) {
        action.accept(entry.trace);
      }
    }
  }

  /**
   * The newest {@code limit} traces (by trace start) that overlap {@code [min, max]} and satisfy
   * {@code match}, newest first.
   */
  List<StoredTrace> newest(long min, long max, Predicate<StoredTrace> match, int limit) {
    // Min-heap of the best so far. A trace's start is at most its entry's key, and keys only fall
    // as the walk goes on, so once the heap is full and its worst start is above the current
    // key, nothing later can displace it (equal starts go on: ties order by id).
    PriorityQueue<StoredTrace> best = new PriorityQueue<>(NEWEST_FIRST.reversed());
    long floor = min - widestSpread > min ? Long.MIN_VALUE : min - widestSpread;
    for (Entry entry : byStart.headMap(new Key(max, MAX_ID), true).descendingMap().values()) {
      if (entry.minStart < floor) {
        break;
      }
      if (best.size() == limit && best.peek().startNanos() > entry.minStart) {
        break;
      }
      if (entry.maxStart < min || !match.test(entry.trace)) {
        continue;
      }
      best.add(entry.trace);
      if (best.size() > limit) {
        best.poll();
      }
    }
    List<StoredTrace> out = new ArrayList<>(best);
    out.sort(NEWEST_FIRST);
    return out;
  }

  private static long saturatedDifference(long a, long b) {
    long d = a - b;
    return ((a ^ b) & (a ^ d)) < 0 ? Long.MAX_VALUE : d;
  }

  /** Sort key: earliest covered start, then trace id (unsigned). */
  private record Key(long start, TraceId id) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(start, o.start);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private static final class Entry {
    final StoredTrace trace;
    long minStart;
    long maxStart;

    Entry(StoredTrace trace, long start) {
      this.trace = trace;
      this.minStart = start;
      this.maxStart = start;
    }

    Key key() {
      return new Key(minStart, trace.id());
    }
  }
}
