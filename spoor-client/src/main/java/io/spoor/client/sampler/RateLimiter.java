package io.spoor.client.sampler;

import java.util.function.LongSupplier;

/**
 * A leaky bucket: it holds up to {@code maxBalance} credits, refills at {@code creditsPerSecond}, and
 * each allowed call takes one credit. It starts full. Thread-safe (one short lock, never blocks).
 */
final class RateLimiter {
  private final double creditsPerNano;
  private final double maxBalance;
  private final LongSupplier nanoTime;
  private double balance;
  private long lastTick;

  RateLimiter(double creditsPerSecond, double maxBalance, LongSupplier nanoTime) {
    this.creditsPerNano = creditsPerSecond / 1e9;
    this.maxBalance = maxBalance;
    this.nanoTime = nanoTime;
    this.balance = maxBalance;
    this.lastTick = nanoTime.getAsLong();
  }

  synchronized boolean tryTake() {
    long now = nanoTime.getAsLong();
    long elapsed = now - lastTick;
    lastTick = now;
    if (elapsed > 0) {
      balance = Math.min(maxBalance, balance + elapsed * creditsPerNano);
    }
    if (balance >= 1.0) {
      balance -= 1.0;
      return true;
    }
    return false;
  }
}
