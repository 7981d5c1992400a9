package io.spoor.client;

/** A clock the test moves by hand. */
final class TestClock implements Clock {
  long micros = 1_700_000_000_000_000L;
  long nanos = 5_000_000_000L;

  void advanceMicros(long delta) {
    micros += delta;
    nanos += delta * 1000;
  }

  @Override
  public long currentTimeMicros() {
    return micros;
  }

  @Override
  public long nanoTime() {
    return nanos;
  }
}
