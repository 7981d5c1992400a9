package io.spoor.server;

import io.spoor.storage.Capability;
import io.spoor.storage.DependencyStore;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.SpanReader;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A test-only backend named {@code recording}: it validates its options like a real one and records
 * what it was created with. Registered in src/test/resources/META-INF/services so the ServiceLoader
 * path is exercised too; tests that inspect it pass their own instance to {@link Spoor}.
 */
public final class RecordingStorageFactory implements StorageFactory {
  final List<StorageSettings> created = new ArrayList<>();
  final List<Integer> maxTraces = new ArrayList<>();

  @Override
  public String name() {
    return "recording";
  }

  @Override
  public List<StorageOption> options() {
    return List.of(
        new StorageOption("recording.max-traces", "0", "Traces kept; 0 keeps all."),
        new StorageOption("recording.password", "", "Password for the pretend server."));
  }

  @Override
  public Storage create(StorageSettings settings) {
    int max = settings.getInt("recording.max-traces", 0);
    if (max < 0) {
      throw new IllegalArgumentException("--recording.max-traces: " + max + " (expected: >= 0)");
    }
    created.add(settings);
    maxTraces.add(max);
    return new Unopened();
  }

  /** A backend that is never started in these tests. */
  private static final class Unopened implements Storage {
    @Override
    public void start() {
      throw new UnsupportedOperationException("not in tests");
    }

    @Override
    public SpanWriter spanWriter() {
      throw new UnsupportedOperationException("not in tests");
    }

    @Override
    public SpanReader spanReader() {
      throw new UnsupportedOperationException("not in tests");
    }

    @Override
    public DependencyStore dependencyStore() {
      throw new UnsupportedOperationException("not in tests");
    }

    @Override
    public Set<Capability> capabilities() {
      return Set.of();
    }

    @Override
    public HealthStatus check() {
      return HealthStatus.unhealthy("never started");
    }

    @Override
    public void purge() {
      throw new UnsupportedOperationException("not in tests");
    }

    @Override
    public void close() {}
  }
}
