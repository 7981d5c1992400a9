package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options, their defaults and validation; {@code create} does no I/O. */
class RocksDbStorageFactoryTest {
  private final StorageFactory factory = StorageFactory.find("rocksdb").orElseThrow();

  @Test
  void documentsEveryOptionWithItsDefaultAndEnvironmentName() {
    assertThat(factory.options()).extracting(StorageOption::name, StorageOption::defaultValue,
        StorageOption::environmentVariable).containsExactly(
            org.assertj.core.groups.Tuple.tuple("rocksdb.path", "./spoor-data", "ROCKSDB_PATH"),
            org.assertj.core.groups.Tuple.tuple("rocksdb.span-ttl", "72h", "ROCKSDB_SPAN_TTL"),
            org.assertj.core.groups.Tuple.tuple("rocksdb.max-disk-bytes", "10737418240", "ROCKSDB_MAX_DISK_BYTES"),
            org.assertj.core.groups.Tuple.tuple("rocksdb.memory-bytes", "268435456", "ROCKSDB_MEMORY_BYTES"),
            org.assertj.core.groups.Tuple.tuple("rocksdb.sync-writes", "false", "ROCKSDB_SYNC_WRITES"));
  }

  @Test
  void defaultsAreBounded() {
    RocksDbStorage storage = (RocksDbStorage) factory.create(StorageSettings.empty());
    Map<String, Double> metrics = RocksDbStorageFactory.metrics(storage);
    assertThat(metrics.get("spoor_storage_rocksdb_retention_seconds")).isEqualTo(72 * 3600.0);
    assertThat(metrics.get("spoor_storage_rocksdb_disk_limit_bytes")).isEqualTo(10.0 * (1L << 30));
    assertThat(storage.check().healthy()).isFalse();
    assertThat(storage.check().reason()).isEqualTo("rocksdb storage ./spoor-data: not started");
    assertThatThrownBy(storage::spanWriter).isInstanceOf(StorageException.class)
        .hasMessage("rocksdb storage ./spoor-data: not started (expected: start() first)");
  }

  @Test
  void badValuesAreRefusedNamingTheFlag() {
    assertThatThrownBy(() -> create(Map.of("rocksdb.span-ttl", "500ms")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rocksdb.span-ttl: 500ms (expected: at least 1s)");
    assertThatThrownBy(() -> create(Map.of("rocksdb.span-ttl", "3 days")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--rocksdb.span-ttl: \"3 days\"");
    assertThatThrownBy(() -> create(Map.of("rocksdb.max-disk-bytes", "1000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rocksdb.max-disk-bytes: 1000 (expected: at least 1048576, 1 MiB)");
    assertThatThrownBy(() -> create(Map.of("rocksdb.memory-bytes", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rocksdb.memory-bytes: \"lots\" (expected: an integer)");
    assertThatThrownBy(() -> create(Map.of("rocksdb.sync-writes", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--rocksdb.sync-writes: \"yes\" (expected: true or false)");
  }

  @Test
  void metricsRefuseAnotherBackend() {
    assertThatThrownBy(() -> RocksDbStorageFactory.metrics(new NotRocksDb()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("(expected: a storage created by the rocksdb factory)");
  }

  @Test
  void bucketsAreATwelfthOfTheTtl() {
    RocksDbConfig config = new RocksDbConfig(java.nio.file.Path.of("x"), Duration.ofHours(72), 8L << 30, false,
        256L << 20);
    assertThat(config.bucketWidth()).isEqualTo(Duration.ofHours(6));
    assertThat(config.bucketBytes()).isEqualTo(1L << 30);
  }

  private Storage create(Map<String, String> values) {
    return factory.create(StorageSettings.of(values));
  }

  /** A storage of another kind, never started. */
  private static final class NotRocksDb implements Storage {
    @Override
    public void start() {}

    @Override
    public io.spoor.storage.SpanWriter spanWriter() {
      throw new UnsupportedOperationException();
    }

    @Override
    public io.spoor.storage.SpanReader spanReader() {
      throw new UnsupportedOperationException();
    }

    @Override
    public io.spoor.storage.DependencyStore dependencyStore() {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.Set<io.spoor.storage.Capability> capabilities() {
      return java.util.Set.of();
    }

    @Override
    public io.spoor.storage.HealthStatus check() {
      return io.spoor.storage.HealthStatus.OK;
    }

    @Override
    public void purge() {}

    @Override
    public void close() {}
  }
}
