package io.spoor.server;

import io.spoor.ingester.Ingester;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.Storage;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spoor ingester}: drains the Kafka topic the collectors write into the configured storage. */
@Command(
    name = "ingester",
    mixinStandardHelpOptions = true,
    description = {
        "Consume the spans collectors wrote to Kafka (SPAN_STORAGE_TYPE=kafka) and write them to the configured storage.",
        "At least once: offsets are committed only after their spans were written.",
        "Admin: /metrics and /health on --admin.http.host-port (default :14270)."},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class IngesterCommand implements Callable<Integer> {
  @Mixin
  @SuppressWarnings("unused")
  StorageOptions storage;

  @Mixin
  IngesterOptions ingester = new IngesterOptions();

  @Mixin
  AdminOptions admin = new AdminOptions(":14270");

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  private final Supplier<ShutdownSignal> signals;

  IngesterCommand(Supplier<ShutdownSignal> signals) {
    this.signals = signals;
  }

  @Override
  public Integer call() throws Exception {
    var config = ingester.toConfig();
    var adminAddress = admin.address();
    if (storage.factory().name().equals("kafka")) {
      throw new IllegalArgumentException(StorageOptions.TYPE_FLAG
          + " / SPAN_STORAGE_TYPE: \"kafka\" (expected: the backend the ingester writes to, not kafka itself)");
    }
    ShutdownSignal signal = signals.get();
    try (ServerRuntime runtime = new ServerRuntime()) {
      return runtime.serve(signal, spec.commandLine().getOut(), adminAddress, () -> {
        Storage store = runtime.startStorage(storage);
        // Added after the storage, so it closes first: in-flight writes finish, offsets are committed.
        Ingester started = runtime.components.add(new Ingester(config, store.spanWriter(), runtime.registry));
        started.start();
        return new ServerRuntime.Started("Spoor ingester started (storage " + storage.type() + "): "
            + started.describe(), () -> {
              HealthStatus h = started.health();
              return h.healthy() ? store.check() : h;
            });
      });
    }
  }
}
