/**
 * Query latency of Spoor's memory store against Zipkin's in-memory store on the same data: load the same
 * generated spans into each server (a child JVM, one after the other), wait until they are all stored, then
 * time trace-by-id and service searches with one client thread.
 *
 * <p>Threading: the caller's thread starts and stops the servers and times the queries;
 * {@link io.spoor.bench.query.SpanLoader} owns its worker threads for the length of one load.
 */
@NullMarked
package io.spoor.bench.query;

import org.jspecify.annotations.NullMarked;
