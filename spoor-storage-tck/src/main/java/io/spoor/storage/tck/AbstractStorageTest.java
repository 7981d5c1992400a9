package io.spoor.storage.tck;

import static org.awaitility.Awaitility.await;

import io.spoor.model.Span;
import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ThrowingRunnable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of every TCK suite: one storage per suite, started before its first test, purged before
 * each test and closed after the last.
 *
 * <p>A backend supplies {@link #createStorage()}; it may override {@link #readTimeout()} only if its
 * visibility promise differs from the SPI's one second (and then should say why). Suites use one test
 * instance per class, so a backend's {@code @Nested} subclasses work unchanged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractStorageTest {
  private @Nullable Storage storage;
  private final ConformanceFixtures fixtures = ConformanceFixtures.relativeTo(Clock.systemUTC());

  /**
   * A new storage for this suite, not yet started; the suite starts and closes it. Called once per
   * suite class.
   */
  protected abstract Storage createStorage();

  /** How long a write may take to become readable. */
  protected Duration readTimeout() {
    return Duration.ofSeconds(1);
  }

  @BeforeAll
  final void startStorage() {
    Storage created = createStorage();
    created.start();
    storage = created;
  }

  @AfterAll
  final void closeStorage() {
    if (storage != null) {
      storage.close();
      storage = null;
    }
  }

  @BeforeEach
  final void purgeStorage() {
    storage().purge();
  }

  /** The started storage under test. */
  protected final Storage storage() {
    if (storage == null) {
      throw new IllegalStateException("storage: not started (expected: a test method of this suite)");
    }
    return storage;
  }

  protected final SpanWriter writer() {
    return storage().spanWriter();
  }

  protected final SpanReader reader() {
    return storage().spanReader();
  }

  protected final DependencyStore dependencyStore() {
    return storage().dependencyStore();
  }

  /** Jaeger's fixtures, dates moved so that the fixture day is yesterday. */
  protected final ConformanceFixtures fixtures() {
    return fixtures;
  }

  protected final void write(List<Span> spans) {
    writer().write(spans);
  }

  /** Skips the calling test unless the backend declares {@code capability}. */
  protected final void assumeCapability(Capability capability, String whatNeedsIt) {
    Assumptions.assumeTrue(storage().capabilities().contains(capability),
        () -> "backend lacks Capability." + capability + ": " + whatNeedsIt);
  }

  /**
   * Runs {@code assertions} until they pass or {@link #readTimeout()} elapses, then fails with the last
   * assertion error. Use it for reads after writes: stores may make writes visible asynchronously.
   */
  protected final void eventually(ThrowingRunnable assertions) {
    await().atMost(readTimeout())
        .pollInSameThread()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(20))
        .untilAsserted(assertions);
  }
}
