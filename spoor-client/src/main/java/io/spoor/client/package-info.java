/**
 * Spoor's OpenTracing tracer: {@link io.spoor.client.SpoorTracer} with its spans, contexts and a
 * thread-local scope manager.
 *
 * <p>Threading: spans and the tracer are safe to use from any thread. Span state is guarded by the
 * span's own monitor; span contexts are immutable. The tracer owns at most two daemon threads, both
 * created when it is built: {@code spoor-client-reporter} (drains the reporter queue) and {@code
 * spoor-client-sampler} (polls remote sampling strategies). Neither is ever blocked by the
 * application's threads, which only offer finished spans to a bounded queue.
 */
@NullMarked
package io.spoor.client;

import org.jspecify.annotations.NullMarked;
