package io.spoor.storage.memory;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.tck.AbstractDependenciesTest;
import io.spoor.storage.tck.AbstractFixtureQueriesTest;
import io.spoor.storage.tck.AbstractSpanStoreTest;
import io.spoor.storage.tck.AbstractTraceSearchTest;
import org.junit.jupiter.api.Nested;

/** The memory backend against every TCK suite, created by name as the server creates it. */
class MemoryStorageTest {

  static Storage newStorage() {
    return StorageFactory.find("memory")
        .orElseThrow(() -> new AssertionError("memory: not registered in META-INF/services"))
        .create(StorageSettings.empty());
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
