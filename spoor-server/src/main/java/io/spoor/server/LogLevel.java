package io.spoor.server;

import java.util.Locale;

/** The values of {@code --log-level} (env {@code LOG_LEVEL}); case does not matter. */
public enum LogLevel {
  TRACE,
  DEBUG,
  INFO,
  WARN,
  ERROR;

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
