package io.spoor.client.sampler;

import static java.util.Objects.requireNonNull;

/**
 * A sampler's answer and the tags that explain it ({@code sampler.type}, {@code sampler.param}), which
 * a sampled root span carries. Immutable; samplers create them once and return them on every call.
 */
public final class SamplingDecision {
  /** Tag key of the sampler type. */
  public static final String SAMPLER_TYPE_TAG = "sampler.type";
  /** Tag key of the sampler parameter. */
  public static final String SAMPLER_PARAM_TAG = "sampler.param";

  private final boolean sampled;
  private final String samplerType;
  private final Object samplerParam;

  /**
   * A decision.
   *
   * @param samplerType {@code const}, {@code probabilistic}, {@code ratelimiting} or {@code lowerbound}
   * @param samplerParam a Boolean (const) or a Double (the probability or the rate)
   */
  public SamplingDecision(boolean sampled, String samplerType, Object samplerParam) {
    this.sampled = sampled;
    this.samplerType = requireNonNull(samplerType, "samplerType");
    this.samplerParam = requireNonNull(samplerParam, "samplerParam");
  }

  /** Whether the trace is recorded. */
  public boolean sampled() {
    return sampled;
  }

  /** The value of the {@code sampler.type} tag. */
  public String samplerType() {
    return samplerType;
  }

  /** The value of the {@code sampler.param} tag: a Boolean or a Double. */
  public Object samplerParam() {
    return samplerParam;
  }

  @Override
  public String toString() {
    return (sampled ? "sampled" : "not sampled") + " by " + samplerType + "(" + samplerParam + ")";
  }
}
