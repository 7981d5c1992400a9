package io.spoor.client.sampler;

/**
 * Samples a fixed fraction of traces, deciding from the trace id so that every process that sees the
 * same id decides alike ({@code sampler.type=probabilistic}, {@code sampler.param=<rate>}). The id's
 * low 63 bits are compared with {@code rate × 2^63}; random ids make that a fair coin.
 */
public final class ProbabilisticSampler implements Sampler {
  /** The default rate: one trace in a thousand. */
  public static final double DEFAULT_RATE = 0.001;

  private final double rate;
  private final long boundary;
  private final SamplingDecision yes;
  private final SamplingDecision no;

  /**
   * A sampler with a rate in [0, 1].
   *
   * @throws IllegalArgumentException when the rate is outside [0, 1] or NaN
   */
  public ProbabilisticSampler(double rate) {
    if (!(rate >= 0.0 && rate <= 1.0)) {
      throw new IllegalArgumentException("sampling rate: " + rate + " (expected: 0.0 to 1.0)");
    }
    this.rate = rate;
    this.boundary = rate >= 1.0 ? Long.MAX_VALUE : (long) (rate * 0x1p63);
    this.yes = new SamplingDecision(true, "probabilistic", rate);
    this.no = new SamplingDecision(false, "probabilistic", rate);
  }

  /** The configured rate. */
  public double rate() {
    return rate;
  }

  @Override
  public SamplingDecision sample(String operation, long traceIdHigh, long traceIdLow) {
    if (rate >= 1.0) {
      return yes;
    }
    return (traceIdLow & Long.MAX_VALUE) < boundary ? yes : no;
  }

  @Override
  public String toString() {
    return "ProbabilisticSampler(" + rate + ")";
  }
}
