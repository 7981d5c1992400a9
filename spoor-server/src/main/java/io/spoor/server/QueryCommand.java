package io.spoor.server;

import io.spoor.query.QueryServer;
import io.spoor.storage.Storage;
import io.spoor.ui.UiAssets;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spoor query}: the UI and the query APIs over the configured storage. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = {
        "Serve the UI and the Jaeger-compatible query APIs over the configured storage.",
        "Admin: /metrics and /health on --admin.http.host-port (default :16687)."},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class QueryCommand implements Callable<Integer> {
  @Mixin
  @SuppressWarnings("unused")
  StorageOptions storage;

  @Mixin
  QueryOptions query = new QueryOptions();

  @Mixin
  DependenciesOptions dependencies = new DependenciesOptions();

  @Mixin
  AdminOptions admin = new AdminOptions(":16687");

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  private final Supplier<ShutdownSignal> signals;

  QueryCommand(Supplier<ShutdownSignal> signals) {
    this.signals = signals;
  }

  @Override
  public Integer call() throws Exception {
    var config = query.toConfig();
    var adminAddress = admin.address();
    storage.factory();
    ShutdownSignal signal = signals.get();
    try (ServerRuntime runtime = new ServerRuntime()) {
      return runtime.serve(signal, spec.commandLine().getOut(), adminAddress, () -> {
        Storage store = runtime.startStorage(storage);
        String dependencyNote = runtime.startDependencies(store, dependencies);
        QueryServer server = runtime.components.add(
            new QueryServer(config, store, runtime.clock, new UiAssets()::addTo));
        server.start();
        return new ServerRuntime.Started(
            "Spoor query started (storage " + storage.type() + "): " + server.describe() + dependencyNote,
            store::check);
      });
    }
  }
}
