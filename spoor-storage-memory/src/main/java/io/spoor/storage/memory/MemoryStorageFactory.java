package io.spoor.storage.memory;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.util.List;
import java.util.Objects;

/**
 * The {@code memory} backend ({@code SPAN_STORAGE_TYPE=memory}): traces live in the JVM's heap and
 * are lost on restart. For the all-in-one, demos and tests.
 *
 * <p>Option {@code --memory.max-traces} (env {@code MEMORY_MAX_TRACES}), default {@value
 * #DEFAULT_MAX_TRACES}: the greatest number of traces kept; writing a new trace beyond it evicts the
 * trace first written longest ago. {@code 0} keeps every trace, which is Jaeger's default but lets
 * the heap grow without bound, so Spoor asks for it explicitly. Negative values are refused.
 *
 * <p>{@code memory.max-bytes} (default {@code auto}: 40% of the JVM's maximum heap) bounds the
 * estimated heap the spans take, so that a burst of large spans cannot exhaust the heap before the
 * trace count is reached.
 *
 * <p>The storage is thread-safe: writes are serialized, reads run in parallel. It can search without
 * a service, combine tags with durations, evaluate every {@link io.spoor.storage.TagFilter.Operator},
 * keep span kinds of operations and derive dependencies from stored spans.
 */
public final class MemoryStorageFactory implements StorageFactory {
  /** The option that bounds the number of stored traces. */
  public static final String MAX_TRACES = "memory.max-traces";
  /**
   * Bounded by default. Heap use grows with spans per trace and their tags: at about 1 KB per span,
   * 100,000 traces of 10 spans take about 1 GB.
   */
  public static final int DEFAULT_MAX_TRACES = 100_000;

  /** The option that bounds the estimated heap the stored spans take. */
  public static final String MAX_BYTES = "memory.max-bytes";
  /** By default the store may take this fraction of the JVM's maximum heap. */
  static final double AUTO_HEAP_FRACTION = 0.4;

  private final long maxHeapBytes;

  /** For ServiceLoader: sizes the automatic byte bound from this JVM's maximum heap. */
  public MemoryStorageFactory() {
    this(Runtime.getRuntime().maxMemory());
  }

  MemoryStorageFactory(long maxHeapBytes) {
    this.maxHeapBytes = maxHeapBytes;
  }

  @Override
  public String name() {
    return "memory";
  }

  @Override
  public List<StorageOption> options() {
    return List.of(
        new StorageOption(MAX_TRACES, Integer.toString(DEFAULT_MAX_TRACES),
            "The greatest number of traces kept in memory; the trace first written longest ago is evicted"
                + " to make room. 0 keeps every trace (unbounded heap use)."),
        new StorageOption(MAX_BYTES, "auto",
            "The most heap, in bytes (estimated), that stored spans may take; the oldest traces are"
                + " evicted to stay below it. auto = 40 percent of the JVM's maximum heap; 0 = no byte bound."));
  }

  /**
   * @throws IllegalArgumentException when {@code memory.max-traces} is not an integer in {@code [0,
   *     2147483647]}
   */
  @Override
  public Storage create(StorageSettings settings) {
    Objects.requireNonNull(settings, "settings");
    long maxTraces = settings.getLong(MAX_TRACES, DEFAULT_MAX_TRACES);
    if (maxTraces < 0 || maxTraces > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--" + MAX_TRACES + ": " + maxTraces
          + " (expected: 0 to " + Integer.MAX_VALUE + "; 0 keeps every trace)");
    }
    String bytesValue = settings.getString(MAX_BYTES, "auto");
    long maxBytes;
    if (bytesValue.equals("auto")) {
      maxBytes = maxHeapBytes == Long.MAX_VALUE ? 0 : (long) (maxHeapBytes * AUTO_HEAP_FRACTION);
    } else {
      maxBytes = settings.getLong(MAX_BYTES, 0);
      if (maxBytes < 0) {
        throw new IllegalArgumentException("--" + MAX_BYTES + ": " + maxBytes
            + " (expected: auto, 0 for no byte bound, or a number of bytes)");
      }
    }
    return new MemoryStorage((int) maxTraces, maxBytes);
  }
}
