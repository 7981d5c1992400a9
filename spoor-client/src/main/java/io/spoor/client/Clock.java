package io.spoor.client;

import java.time.Instant;

/**
 * Where the tracer reads time. Inject one in tests; {@link #SYSTEM} is the default.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Clock {
  /** The system wall clock (microsecond precision where the JDK has it) and {@link System#nanoTime()}. */
  Clock SYSTEM = new Clock() {
    @Override
    public long currentTimeMicros() {
      Instant now = Instant.now();
      return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Override
    public long nanoTime() {
      return System.nanoTime();
    }
  };

  /** Wall-clock time in microseconds since the epoch, for span start times and log timestamps. */
  long currentTimeMicros();

  /** A monotonic reading in nanoseconds, for durations and rate limits; only differences mean anything. */
  long nanoTime();
}
