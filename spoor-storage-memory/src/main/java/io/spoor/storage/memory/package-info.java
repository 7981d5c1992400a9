/**
 * The in-memory storage backend, {@link io.spoor.storage.memory.MemoryStorageFactory} ({@code
 * memory}). Everything else is package-private.
 *
 * <p>Layout: {@code TraceTable} keeps each trace's spans (shared, never copied) in first-write order
 * for eviction, a {@code TimeIndex} over all traces and, per service, a {@code ServiceEntry} with a
 * time index and the operations (counted by span so eviction can drop them). A search walks one
 * time index newest first, within the time window, and evaluates {@link
 * io.spoor.storage.TraceQuery#matches} on the candidate traces' spans only.
 *
 * <p>Threading: one read-write lock guards all span state; writers (and eviction) take the write
 * lock, readers the read lock. Dependency links written by jobs are guarded by their store's monitor.
 * No threads are started.
 */
@NullMarked
package io.spoor.storage.memory;

import org.jspecify.annotations.NullMarked;
