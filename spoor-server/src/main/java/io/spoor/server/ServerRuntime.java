package io.spoor.server;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.spoor.storage.Storage;
import java.io.PrintWriter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every long-running command shares: a Prometheus registry with JVM metrics, the components it
 * started (closed in reverse), and the wait for the shutdown signal.
 */
final class ServerRuntime implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(ServerRuntime.class);

  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final Components components = new Components();
  final Clock clock = Clock.systemUTC();
  private final JvmGcMetrics gcMetrics = new JvmGcMetrics();

  ServerRuntime() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
  }

  /** Creates and starts the storage; it closes last. */
  Storage startStorage(StorageOptions options) {
    Storage storage = components.add(options.createStorage());
    storage.start();
    return storage;
  }

  /** Prints the start-up line, waits for the signal, closes everything, and reports the close. */
  int serveUntilShutdown(ShutdownSignal signal, PrintWriter out, String startLine) throws InterruptedException {
    logger.info(startLine);
    out.println(startLine);
    out.flush();
    try {
      signal.await();
      logger.info("Shutting down: closing endpoints, draining queues, closing storage");
    } finally {
      close();
      signal.closed();
    }
    return 0;
  }

  @Override
  public void close() {
    components.close();
    gcMetrics.close();
    registry.close();
  }
}
