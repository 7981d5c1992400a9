/**
 * Propagation formats: Jaeger ({@code uber-trace-id}, {@code uberctx-*}), B3 (multi and single header),
 * W3C Trace Context ({@code traceparent}, {@code tracestate}) and W3C Baggage, for OpenTracing's text
 * map and HTTP header carriers, plus Jaeger's binary layout for the BINARY carrier.
 *
 * <p>Extraction is lenient about input and strict about meaning: header names are matched without regard
 * to case, and a malformed value yields no context (null) rather than an exception, because it comes from
 * another process. Every propagator is immutable and thread-safe.
 */
@NullMarked
package io.spoor.client.propagation;

import org.jspecify.annotations.NullMarked;
