/**
 * Sampling strategies served to clients and agents: {@link io.spoor.collector.sampling.StrategyStore}
 * loads Jaeger's strategies file ({@code --sampling.strategies-file}) and reloads it on change;
 * {@link io.spoor.collector.sampling.SamplingGrpcService} answers {@code
 * jaeger.api_v2.SamplingManager/GetSamplingStrategy} and {@link
 * io.spoor.collector.sampling.SamplingHttpService} answers {@code GET /api/sampling?service=}.
 *
 * <p>Threading: the current strategies are one immutable {@link
 * io.spoor.collector.sampling.SamplingStrategies} behind an atomic reference, read without locks on
 * the event loops; one thread {@code spoor-collector-sampling-reload} replaces it when the file
 * changes.
 */
@NullMarked
package io.spoor.collector.sampling;

import org.jspecify.annotations.NullMarked;
