/**
 * Command-line entry points of the benchmarks: {@link io.spoor.bench.LoadGenerator} drives one collector,
 * {@link io.spoor.bench.CollectorComparison} runs the same load against a peer and against Spoor and prints
 * the ratio. The machinery lives in {@code io.spoor.bench.load} and {@code io.spoor.bench.compare}.
 */
@NullMarked
package io.spoor.bench;

import org.jspecify.annotations.NullMarked;
