/**
 * The storage TCK: abstract JUnit 5 suites that every backend passes, fed by Jaeger's conformance
 * fixtures (copied under {@code io/spoor/storage/tck/fixtures/}, with their license note).
 *
 * <p>A backend has one test class (a {@code *Test} for an embedded store, a {@code *IT} when it
 * starts a server) that nests one subclass of each suite, each supplying a fresh {@link
 * io.spoor.storage.Storage} through {@link io.spoor.storage.tck.AbstractStorageTest#createStorage()}:
 * <ul>
 *   <li>{@link io.spoor.storage.tck.AbstractFixtureQueriesTest}: every case of Jaeger's
 *       {@code queries.json};
 *   <li>{@link io.spoor.storage.tck.AbstractSpanStoreTest}: services, operations, whole traces,
 *       batches, duplicates, a large trace;
 *   <li>{@link io.spoor.storage.tck.AbstractTraceSearchTest}: tag, time and duration criteria,
 *       ordering and limits, and the optional {@link io.spoor.storage.Capability capabilities};
 *   <li>{@link io.spoor.storage.tck.AbstractDependenciesTest}: the dependency graph.
 * </ul>
 * Tests that need a capability the backend does not declare are skipped (JUnit assumptions) with a
 * reason naming the capability. Reads are polled for up to {@link
 * io.spoor.storage.tck.AbstractStorageTest#readTimeout()} (one second), the SPI's visibility
 * promise; nothing waits a fixed time.
 *
 * <p>{@link io.spoor.storage.tck.ConformanceFixtures} also serves other modules (codecs, the query
 * API) that want the same data as model {@link io.spoor.model.Span}s and {@link
 * io.spoor.storage.TraceQuery TraceQueries}.
 */
@NullMarked
package io.spoor.storage.tck;

import org.jspecify.annotations.NullMarked;
