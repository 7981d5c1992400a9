package io.spoor.server;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.spoor.collector.HostPort;
import io.spoor.dependencies.DependencyAggregator;
import io.spoor.dependencies.DependencyJob;
import io.spoor.storage.Capability;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
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

  /** Creates and starts the storage (it closes last) and exports its own metrics. */
  Storage startStorage(StorageOptions options) {
    Storage storage = components.add(options.createStorage());
    storage.start();
    export(storage, Storage::metrics);
    return storage;
  }

  /**
   * Starts the scheduled dependency aggregator when the backend does not derive links from spans
   * itself and the interval is not zero; returns a word for the start-up line ("" when not started).
   */
  String startDependencies(Storage storage, DependenciesOptions options) {
    Duration interval = options.interval();
    if (interval.isZero() || storage.capabilities().contains(Capability.DEPENDENCIES_FROM_SPANS)) {
      return "";
    }
    DependencyJob job = new DependencyJob(storage.spanReader(), storage.dependencyStore(),
        options.uninstrumentedKey);
    DependencyAggregator aggregator = components.add(
        new DependencyAggregator(job, interval, SETTLE, clock).start());
    export(aggregator, DependencyAggregator::metrics);
    return ", dependencies every " + options.interval;
  }

  /** Time a trace gets to complete before the aggregator counts it. */
  static final Duration SETTLE = Duration.ofMinutes(1);

  /** Exports a component's own measurements: names ending in {@code _total} as counters, others as gauges. */
  private <T> void export(T source, java.util.function.Function<T, Map<String, Double>> metrics) {
    for (String name : metrics.apply(source).keySet()) {
      if (name.endsWith("_total")) {
        FunctionCounter.builder(name.substring(0, name.length() - "_total".length()), source,
            s -> metrics.apply(s).getOrDefault(name, 0.0)).register(registry);
      } else {
        Gauge.builder(name, source, s -> metrics.apply(s).getOrDefault(name, Double.NaN)).register(registry);
      }
    }
  }

  /** What a command's start-up returns: its start-up line and what its admin {@code /health} reports. */
  record Started(String description, Supplier<HealthStatus> health) {}

  /** A command's start-up: opens its components (adding them to {@link #components}). */
  @FunctionalInterface
  interface StartUp {
    Started start();
  }

  /**
   * Runs the start-up, opens the admin port, prints one start-up line, then serves until the
   * shutdown signal and closes everything. A port in use or unreachable storage is a {@link
   * StartupException}: one line, exit code 1.
   */
  int serve(ShutdownSignal signal, PrintWriter out, HostPort adminAddress, StartUp startUp)
      throws InterruptedException {
    String line;
    try {
      Started started = startUp.start();
      AdminServer admin = components.add(new AdminServer(adminAddress, registry, started.health(), clock));
      admin.start();
      line = started.description() + ", admin=" + new HostPort(adminAddress.host(), admin.port());
    } catch (IllegalStateException | StorageException e) {
      signal.closed(); // nothing to drain: the JVM's shutdown hook must not wait for it
      throw new StartupException(e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      signal.closed();
      throw e;
    }
    return serveUntilShutdown(signal, out, line);
  }

  /** Prints the start-up line, waits for the signal, closes everything, and reports the close. */
  private int serveUntilShutdown(ShutdownSignal signal, PrintWriter out, String startLine) throws InterruptedException {
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
