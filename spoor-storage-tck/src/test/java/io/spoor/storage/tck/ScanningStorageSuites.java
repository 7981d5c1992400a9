package io.spoor.storage.tck;

import io.spoor.storage.Storage;
import io.spoor.storage.tck.ScanningStorage.Defect;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * Every suite against a {@link ScanningStorage} without any capability: must pass, skipping what
 * needs a capability. Run by {@link TckSelfTest}, not by surefire directly.
 */
class ScanningStorageSuites {
  static Storage newStorage() {
    return new ScanningStorage(Set.of(), Defect.NONE);
  }

  @Nested
  class FixtureQueries extends AbstractFixtureQueriesTest {
    @Override
    protected Storage createStorage() {
      return newStorage();
    }
  }

  @Nested
  class SpanStore extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return newStorage();
    }
  }

  @Nested
  class TraceSearch extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return newStorage();
    }
  }

  @Nested
  class Dependencies extends AbstractDependenciesTest {
    @Override
    protected Storage createStorage() {
      return newStorage();
    }
  }
}
