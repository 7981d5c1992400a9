/**
 * The collector: every receiver Jaeger's collector has, on Jaeger's ports, feeding one bounded span
 * pipeline that writes to the configured storage. {@link io.spoor.collector.Collector} assembles and
 * runs it; each endpoint is its own listening socket on Armeria's shared event loops.
 */
@NullMarked
package io.spoor.collector;

import org.jspecify.annotations.NullMarked;
