package io.spoor.client.reporter;

import io.spoor.client.SpoorSpan;

/**
 * Logs each reported span on one line at INFO through {@link System.Logger} (logger {@code
 * io.spoor.client.reporter.LoggingReporter}), for development: span contents in logs, so not for
 * production.
 */
public final class LoggingReporter implements Reporter {
  private static final System.Logger LOG = System.getLogger(LoggingReporter.class.getName());

  @Override
  public void report(SpoorSpan span) {
    if (LOG.isLoggable(System.Logger.Level.INFO)) {
      LOG.log(System.Logger.Level.INFO, "span reported: " + span.context() + " " + span.operationName()
          + " " + span.durationMicros() + "us " + span.tags());
    }
  }
}
