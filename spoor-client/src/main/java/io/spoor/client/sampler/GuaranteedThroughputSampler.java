package io.spoor.client.sampler;

import java.util.function.LongSupplier;

/**
 * One operation's sampler under a per-operation strategy: probabilistic, but with a lower bound of
 * traces per second. When the coin says no and the lower bound's bucket has a credit, the trace is
 * sampled with {@code sampler.type=lowerbound}. Sampled traces take a credit too, so the bound adds
 * traces only when the probability alone yields fewer than the bound.
 */
final class GuaranteedThroughputSampler implements Sampler {
  private final ProbabilisticSampler probabilistic;
  private final RateLimiter lowerBound;
  private final double lowerBoundRate;
  private final SamplingDecision lowerBoundYes;

  GuaranteedThroughputSampler(double probability, double lowerBoundPerSecond, LongSupplier nanoTime) {
    this.probabilistic = new ProbabilisticSampler(probability);
    this.lowerBoundRate = lowerBoundPerSecond;
    this.lowerBound = new RateLimiter(lowerBoundPerSecond, Math.max(1.0, lowerBoundPerSecond), nanoTime);
    this.lowerBoundYes = new SamplingDecision(true, "lowerbound", probability);
  }

  @Override
  public SamplingDecision sample(String operation, long traceIdHigh, long traceIdLow) {
    SamplingDecision decision = probabilistic.sample(operation, traceIdHigh, traceIdLow);
    if (lowerBoundRate <= 0) {
      return decision;
    }
    boolean credit = lowerBound.tryTake();
    if (decision.sampled() || !credit) {
      return decision;
    }
    return lowerBoundYes;
  }
}
