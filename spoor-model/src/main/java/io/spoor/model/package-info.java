/**
 * Spoor's span model: immutable value objects shared by every component.
 *
 * <p>Times are epoch nanoseconds and durations nanoseconds; ids are value types ({@link TraceId} is
 * two longs, {@link SpanId} one). Collections are never null and never modifiable. The module has no
 * runtime dependencies: wire formats live in {@code spoor-codec}.
 */
@NullMarked
package io.spoor.model;

import org.jspecify.annotations.NullMarked;
