/**
 * A closed-loop load generator for trace collectors.
 *
 * <p>Request bodies are generated once, before the clock starts, from synthetic multi-service traces and are
 * encoded with the peers' own libraries (opentelemetry-proto, jaeger-thrift, zipkin2), never with Spoor's
 * codecs. Each body is a {@link io.spoor.bench.load.RequestTemplate}: sending it only copies the bytes and
 * stamps a fresh request sequence number into every trace id, so no two requests carry the same trace and a
 * store that deduplicates cannot flatter itself.
 *
 * <p>Threading: {@link io.spoor.bench.load.LoadRun} starts one platform thread per connection slot, named
 * {@code spoor-bench-load-<n>}. Each thread owns its {@link io.spoor.bench.load.Transport} (and therefore its
 * own connection) and its own tally; tallies are merged only after every thread has been joined, so there is
 * no shared mutable state but two atomic counters (the pool cursor and the request sequence).
 */
@NullMarked
package io.spoor.bench.load;

import org.jspecify.annotations.NullMarked;
