/**
 * Adjusters: repairs applied once to a trace on read, in the query service, as Jaeger does. Every
 * change an adjuster makes is recorded in the span's or the trace's warnings, so nothing is hidden;
 * a trace read with {@code raw=true} skips them all. Adjusters are stateless and thread-safe.
 */
@NullMarked
package io.spoor.query.adjust;

import org.jspecify.annotations.NullMarked;
