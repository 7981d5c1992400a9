package io.spoor.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets the root logger's level; the one place that knows the SLF4J binding is Logback. */
final class LogbackLevel {
  private LogbackLevel() {}

  static void apply(LogLevel level) {
    org.slf4j.Logger root = LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    if (root instanceof Logger) {
      ((Logger) root).setLevel(Level.toLevel(level.name()));
    }
  }
}
