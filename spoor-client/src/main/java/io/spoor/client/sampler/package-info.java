/**
 * Jaeger's samplers: {@link io.spoor.client.sampler.ConstSampler}, {@link
 * io.spoor.client.sampler.ProbabilisticSampler}, {@link io.spoor.client.sampler.RateLimitingSampler}
 * and {@link io.spoor.client.sampler.RemoteSampler}, which polls the agent for strategies and applies
 * them per operation.
 *
 * <p>Threading: every sampler is safe to call from any thread and never blocks. The remote sampler
 * polls on its own daemon thread, {@code spoor-client-sampler}, and swaps in an immutable delegate.
 */
@NullMarked
package io.spoor.client.sampler;

import org.jspecify.annotations.NullMarked;
