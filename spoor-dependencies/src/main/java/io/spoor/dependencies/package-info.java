/**
 * Service dependency links from stored traces on any backend: {@link io.spoor.dependencies.DependencyLinker}
 * (Jaeger's linking rules), {@link io.spoor.dependencies.DependencyJob} (one window, read with
 * {@code SpanReader.scanTraces}, written to the backend's dependency store) and {@link
 * io.spoor.dependencies.DependencyAggregator} (the job on a schedule inside a server).
 */
@NullMarked
package io.spoor.dependencies;

import org.jspecify.annotations.NullMarked;
