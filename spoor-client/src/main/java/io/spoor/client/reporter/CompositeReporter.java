package io.spoor.client.reporter;

import java.util.List;

/** Reports to several reporters in order, and closes them all. */
public final class CompositeReporter implements Reporter {
  private final List<Reporter> reporters;

  /** A reporter that forwards to each of {@code reporters}. */
  public CompositeReporter(List<Reporter> reporters) {
    this.reporters = List.copyOf(reporters);
  }

  @Override
  public void report(io.spoor.client.SpoorSpan span) {
    for (Reporter r : reporters) {
      r.report(span);
    }
  }

  @Override
  public void start() {
    for (Reporter r : reporters) {
      r.start();
    }
  }

  @Override
  public void close() {
    for (Reporter r : reporters) {
      r.close();
    }
  }
}
