/**
 * The collector's span pipeline: receivers decode on their I/O threads and hand a {@link
 * io.spoor.collector.pipeline.SpanBatch} to {@link io.spoor.collector.pipeline.SpanProcessor#process},
 * which validates it and offers it whole to a queue bounded in spans and in bytes, or refuses it
 * with {@link io.spoor.collector.pipeline.OverCapacityException}. Worker threads
 * ({@code spoor-collector-worker-N}) take batches, sanitize each span and call the storage writer.
 *
 * <p>Threading: {@code process} is called from any number of I/O threads and never blocks; one lock
 * guards the queue and is never held while writing to storage. Counters obey: received = rejected +
 * accepted, and accepted = saved + dropped + queued.
 */
@NullMarked
package io.spoor.collector.pipeline;

import org.jspecify.annotations.NullMarked;
