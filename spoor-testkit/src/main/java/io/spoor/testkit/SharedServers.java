package io.spoor.testkit;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps one instance of a server for the whole test run of a module (one JVM fork): stored in the
 * root extension context, closed by JUnit when the last test class of the run has finished. Test
 * classes that share a server share its data, so each should use its own topic, keyspace or prefix.
 */
public final class SharedServers {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedServers.class);

  private SharedServers() {}

  /** The run's instance stored under {@code key}, created with {@code start} on first use. */
  public static <T extends AutoCloseable> T once(
      ExtensionContext context, String key, Class<T> type, Supplier<T> start) {
    Holder holder = context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(key, k -> new Holder(start.get()), Holder.class);
    return type.cast(holder.value);
  }

  /** Closes the stored value when the run ends. */
  @SuppressWarnings("deprecation")
  private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    private final AutoCloseable value;
    private boolean closed;

    Holder(AutoCloseable value) {
      this.value = value;
    }

    @Override
    public synchronized void close() throws Exception {
      if (!closed) {
        closed = true;
        value.close();
      }
    }
  }
}
