package io.spoor.server;

import io.spoor.agent.Address;
import io.spoor.agent.Agent;
import io.spoor.collector.Collector;
import io.spoor.collector.CollectorConfig.Endpoint;
import io.spoor.query.QueryServer;
import io.spoor.storage.Storage;
import io.spoor.ui.UiAssets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code spoor all-in-one}: collector and query in one JVM over one storage, every port of Jaeger's
 * all-in-one. The first thing a new user runs.
 */
@Command(
    name = "all-in-one",
    mixinStandardHelpOptions = true,
    description = {
        "Run the collector, the query service (UI on :16686) and the agent (UDP 6831/6832, sampling on 5778)",
        "in one process over one storage.",
        "Admin: /metrics and /health on --admin.http.host-port (default :14269)."},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class AllInOneCommand implements Callable<Integer> {
  /** Defaults to the embedded persistent store: a first run keeps its traces across restarts. */
  @Mixin
  final StorageOptions storage;

  /** The embedded persistent store, when it is on the class path. */
  static final String DEFAULT_STORAGE = "rocksdb";

  @Mixin
  CollectorOptions collector = new CollectorOptions();

  @Mixin
  QueryOptions query = new QueryOptions();

  @Mixin
  SamplingOptions sampling = new SamplingOptions();

  @Mixin
  AgentOptions agent = new AgentOptions();

  @Mixin
  DependenciesOptions dependencies = new DependenciesOptions();

  @Mixin
  AdminOptions admin = new AdminOptions(":14269");

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  private final Supplier<ShutdownSignal> signals;

  AllInOneCommand(Supplier<ShutdownSignal> signals, StorageOptions storage) {
    this.signals = signals;
    this.storage = storage;
  }

  @Override
  public Integer call() throws Exception {
    var collectorConfig = collector.toConfig().withSampling(sampling.toConfig());
    var queryConfig = query.toConfig();
    // The embedded agent reports to this process's own Jaeger gRPC receiver, whose port is known
    // only once it listens; validate its flags now with a placeholder target.
    agent.toConfig(List.of(new Address("127.0.0.1", 14250)));
    var adminAddress = admin.address();
    storage.factory();
    ShutdownSignal signal = signals.get();
    try (ServerRuntime runtime = new ServerRuntime()) {
      return runtime.serve(signal, spec.commandLine().getOut(), adminAddress, () -> {
        Storage store = runtime.startStorage(storage);
        String dependencyNote = runtime.startDependencies(store, dependencies);
        QueryServer server = runtime.components.add(
            new QueryServer(queryConfig, store, runtime.clock, new UiAssets()::addTo));
        server.start();
        Collector started = runtime.components.add(
            new Collector(collectorConfig, store.spanWriter(), runtime.registry));
        started.start();
        String agentDescription = "";
        if (collectorConfig.endpoint(Endpoint.JAEGER_GRPC).isPresent()) {
          Agent embedded = runtime.components.add(new Agent(agent.toConfig(
              List.of(new Address("127.0.0.1", started.port(Endpoint.JAEGER_GRPC)))), runtime.registry));
          embedded.start();
          agentDescription = ", agent " + embedded.describe();
        }
        return new ServerRuntime.Started("Spoor all-in-one started (storage " + storage.type()
            + "): UI at http://localhost:" + server.httpPort() + queryConfig.basePath() + " | "
            + server.describe() + ", " + started.describe() + agentDescription + dependencyNote, store::check);
      });
    }
  }
}
