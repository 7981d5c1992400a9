package io.spoor.query.adjust;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts span tags and process tags by key, and logs by time, so that the UI shows them in a stable
 * order. Log fields keep their order: the {@code event} field an SDK writes first stays first.
 * Sorting is stable, so repeated keys keep their relative order. Not a repair: no warning.
 */
final class SortTagsAdjuster implements TraceAdjuster {
  private static final Comparator<KeyValue> BY_KEY = Comparator.comparing(KeyValue::key);
  private static final Comparator<Log> BY_TIME = Comparator.comparingLong(Log::timestampNanos);

  @Override
  public Trace adjust(Trace trace) {
    List<Span> spans = new ArrayList<>(trace.spans().size());
    boolean changed = false;
    for (Span span : trace.spans()) {
      Span sorted = sort(span);
      changed |= sorted != span;
      spans.add(sorted);
    }
    return changed ? new Trace(spans, trace.warnings()) : trace;
  }

  private static Span sort(Span span) {
    boolean tagsSorted = isSorted(span.tags(), BY_KEY);
    boolean processSorted = isSorted(span.process().tags(), BY_KEY);
    boolean logsSorted = isSorted(span.logs(), BY_TIME);
    if (tagsSorted && processSorted && logsSorted) {
      return span;
    }
    Span.Builder b = span.toBuilder();
    if (!tagsSorted) {
      b.tags(sorted(span.tags(), BY_KEY));
    }
    if (!processSorted) {
      b.process(new Process(span.serviceName(), sorted(span.process().tags(), BY_KEY)));
    }
    if (!logsSorted) {
      b.logs(sorted(span.logs(), BY_TIME));
    }
    return b.build();
  }

  private static <T> boolean isSorted(List<T> list, Comparator<T> order) {
    for (int i = 1; i < list.size(); i++) {
      if (order.compare(list.get(i - 1), list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  private static <T> List<T> sorted(List<T> list, Comparator<T> order) {
    List<T> copy = new ArrayList<>(list);
    copy.sort(order);
    return copy;
  }
}
