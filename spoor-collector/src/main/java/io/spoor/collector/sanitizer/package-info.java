/**
 * Span sanitizers: each repairs one kind of defect in a span a client sent, so that storage and UI
 * get clean data, and records what it changed in the span's warnings. They run on the collector's
 * worker threads; each is stateless and thread-safe.
 */
@NullMarked
package io.spoor.collector.sanitizer;

import org.jspecify.annotations.NullMarked;
