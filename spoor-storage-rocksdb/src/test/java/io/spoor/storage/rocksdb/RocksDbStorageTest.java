package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.storage.Capability;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.tck.AbstractDependenciesTest;
import io.spoor.storage.tck.AbstractFixtureQueriesTest;
import io.spoor.storage.tck.AbstractSpanStoreTest;
import io.spoor.storage.tck.AbstractTraceSearchTest;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rocksdb backend against every TCK suite, created by name as the server creates it, each suite
 * in its own data directory under {@code target/}. It declares every capability, so no TCK test is
 * skipped.
 */
class RocksDbStorageTest {

  static Storage newStorage(String name) {
    return StorageFactory.find("rocksdb")
        .orElseThrow(() -> new AssertionError("rocksdb: not registered in META-INF/services"))
        .create(StorageSettings.of(Map.of(RocksDbStorageFactory.PATH, TestDirectories.create(name).toString())));
  }

  @Test
  void declaresEveryCapability() {
    try (Storage storage = newStorage("capabilities")) {
      assertThat(storage.capabilities()).isEqualTo(EnumSet.allOf(Capability.class));
    }
  }

  @Nested
  class FixtureQueries extends AbstractFixtureQueriesTest {
    @Override
    protected Storage createStorage() {
      return newStorage("fixtures");
    }
  }

  @Nested
  class SpanStore extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return newStorage("span-store");
    }
  }

  @Nested
  class TraceSearch extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return newStorage("search");
    }
  }

  @Nested
  class Dependencies extends AbstractDependenciesTest {
    @Override
    protected Storage createStorage() {
      return newStorage("dependencies");
    }
  }
}
