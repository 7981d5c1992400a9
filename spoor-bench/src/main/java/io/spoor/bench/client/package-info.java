/**
 * JMH benchmark of the client hot path: start a sampled root span, set 3 tags, finish it, for Spoor's
 * tracer and its peers (jaeger-client-java, the OpenTelemetry SDK, Brave) in the same run. Run it with
 * {@code -prof gc} to get bytes per operation; docs/benchmarks.md has the command and the figures.
 *
 * <p>Each benchmark returns its span so that no tracer's span can be scalar-replaced away.
 */
@NullMarked
package io.spoor.bench.client;

import org.jspecify.annotations.NullMarked;
