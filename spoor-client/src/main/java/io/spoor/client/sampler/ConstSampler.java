package io.spoor.client.sampler;

/** Samples every trace or none ({@code sampler.type=const}, {@code sampler.param=true|false}). */
public final class ConstSampler implements Sampler {
  private final SamplingDecision decision;

  /** A sampler that always answers {@code sampled}. */
  public ConstSampler(boolean sampled) {
    this.decision = new SamplingDecision(sampled, "const", sampled);
  }

  @Override
  public SamplingDecision sample(String operation, long traceIdHigh, long traceIdLow) {
    return decision;
  }

  @Override
  public String toString() {
    return "ConstSampler(" + decision.sampled() + ")";
  }
}
