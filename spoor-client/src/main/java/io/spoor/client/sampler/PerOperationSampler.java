package io.spoor.client.sampler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Applies a per-operation strategy: each operation named in it gets its own probability, every other
 * operation the default probability; all share the default lower bound of traces per second, each with
 * its own bucket. At most {@code maxOperations} operations get a sampler of their own; beyond that the
 * default probability decides without a lower bound, so an unbounded set of names cannot grow memory.
 */
final class PerOperationSampler implements Sampler {
  private final SamplingStrategy.PerOperation strategy;
  private final int maxOperations;
  private final LongSupplier nanoTime;
  private final ProbabilisticSampler fallback;
  private final Map<String, Sampler> byOperation = new ConcurrentHashMap<>();

  PerOperationSampler(SamplingStrategy.PerOperation strategy, int maxOperations, LongSupplier nanoTime) {
    this.strategy = strategy;
    this.maxOperations = maxOperations;
    this.nanoTime = nanoTime;
    this.fallback = new ProbabilisticSampler(strategy.defaultProbability());
    strategy.probabilities().forEach((op, p) -> {
      if (byOperation.size() < maxOperations) {
        byOperation.put(op, new GuaranteedThroughputSampler(p, strategy.defaultLowerBound(), nanoTime));
      }
    });
  }

  @Override
  public SamplingDecision sample(String operation, long traceIdHigh, long traceIdLow) {
    Sampler sampler = byOperation.get(operation);
    if (sampler == null) {
      if (byOperation.size() >= maxOperations) {
        return fallback.sample(operation, traceIdHigh, traceIdLow);
      }
      sampler = byOperation.computeIfAbsent(operation,
          op -> new GuaranteedThroughputSampler(strategy.defaultProbability(), strategy.defaultLowerBound(), nanoTime));
    }
    return sampler.sample(operation, traceIdHigh, traceIdLow);
  }

  @Override
  public String toString() {
    return "PerOperationSampler(" + strategy + ")";
  }
}
