package io.spoor.client.reporter;

import io.spoor.client.SpoorSpan;
import java.util.ArrayList;
import java.util.List;

/** Keeps every reported span in memory, for tests; thread-safe and unbounded, so not for production. */
public final class InMemoryReporter implements Reporter {
  private final List<SpoorSpan> spans = new ArrayList<>();

  @Override
  public synchronized void report(SpoorSpan span) {
    spans.add(span);
  }

  /** A snapshot of the spans reported so far, in order. */
  public synchronized List<SpoorSpan> spans() {
    return List.copyOf(spans);
  }

  /** Forgets the spans reported so far. */
  public synchronized void clear() {
    spans.clear();
  }
}
