/**
 * Runs the same load against a peer collector and against Spoor, each as a child JVM with the same heap
 * limit, and reports both figures and their ratio.
 *
 * <p>Threading: the caller's thread starts and stops the child processes and runs the load;
 * {@link io.spoor.bench.compare.HeapSampler} owns one daemon thread named {@code spoor-bench-heap} while a
 * point runs.
 */
@NullMarked
package io.spoor.bench.compare;

import org.jspecify.annotations.NullMarked;
