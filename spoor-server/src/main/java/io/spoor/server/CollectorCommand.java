package io.spoor.server;

import io.spoor.collector.Collector;
import io.spoor.storage.Storage;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spoor collector}: every receiver on Jaeger's ports, writing to the configured storage. */
@Command(
    name = "collector",
    mixinStandardHelpOptions = true,
    description = {
        "Receive spans (Jaeger gRPC/Thrift, OTLP gRPC/HTTP, Zipkin) and write them to storage.",
        "Admin: /metrics and /health on --admin.http.host-port (default :14269)."},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class CollectorCommand implements Callable<Integer> {
  @Mixin
  @SuppressWarnings("unused")
  StorageOptions storage;

  @Mixin
  CollectorOptions collector = new CollectorOptions();

  @Mixin
  SamplingOptions sampling = new SamplingOptions();

  @Mixin
  AdminOptions admin = new AdminOptions(":14269");

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  private final Supplier<ShutdownSignal> signals;

  CollectorCommand(Supplier<ShutdownSignal> signals) {
    this.signals = signals;
  }

  @Override
  public Integer call() throws Exception {
    // Validate everything before anything is opened.
    var config = collector.toConfig().withSampling(sampling.toConfig());
    var adminAddress = admin.address();
    storage.factory();
    ShutdownSignal signal = signals.get();
    try (ServerRuntime runtime = new ServerRuntime()) {
      return runtime.serve(signal, spec.commandLine().getOut(), adminAddress, () -> {
        Storage store = runtime.startStorage(storage);
        Collector started = runtime.components.add(new Collector(config, store.spanWriter(), runtime.registry));
        started.start();
        return new ServerRuntime.Started(
            "Spoor collector started (storage " + storage.type() + "): " + started.describe(), store::check);
      });
    }
  }
}
