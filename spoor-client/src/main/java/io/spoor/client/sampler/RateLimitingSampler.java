package io.spoor.client.sampler;

import java.util.function.LongSupplier;

/**
 * Samples at most a number of traces per second with a leaky bucket ({@code sampler.type=ratelimiting},
 * {@code sampler.param=<traces per second>}). The bucket holds {@code max(1, rate)} credits, so a burst
 * after a quiet second is bounded by the rate too.
 */
public final class RateLimitingSampler implements Sampler {
  private final double maxTracesPerSecond;
  private final RateLimiter limiter;
  private final SamplingDecision yes;
  private final SamplingDecision no;

  /** A sampler on the system's monotonic clock. */
  public RateLimitingSampler(double maxTracesPerSecond) {
    this(maxTracesPerSecond, System::nanoTime);
  }

  /**
   * A sampler reading time from {@code nanoTime}, a monotonic nanosecond source (inject one in tests).
   *
   * @throws IllegalArgumentException when the rate is negative or not finite
   */
  public RateLimitingSampler(double maxTracesPerSecond, LongSupplier nanoTime) {
    if (!(maxTracesPerSecond >= 0.0) || Double.isInfinite(maxTracesPerSecond)) {
      throw new IllegalArgumentException("max traces per second: " + maxTracesPerSecond + " (expected: >= 0)");
    }
    this.maxTracesPerSecond = maxTracesPerSecond;
    this.limiter = new RateLimiter(maxTracesPerSecond, Math.max(1.0, maxTracesPerSecond), nanoTime);
    this.yes = new SamplingDecision(true, "ratelimiting", maxTracesPerSecond);
    this.no = new SamplingDecision(false, "ratelimiting", maxTracesPerSecond);
  }

  /** The configured rate. */
  public double maxTracesPerSecond() {
    return maxTracesPerSecond;
  }

  @Override
  public SamplingDecision sample(String operation, long traceIdHigh, long traceIdLow) {
    return maxTracesPerSecond > 0 && limiter.tryTake() ? yes : no;
  }

  @Override
  public String toString() {
    return "RateLimitingSampler(" + maxTracesPerSecond + ")";
  }
}
