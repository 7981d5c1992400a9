package io.spoor.server;

import io.spoor.agent.Address;
import io.spoor.agent.Agent;
import io.spoor.agent.AgentConfig;
import io.spoor.agent.ReporterConfig;
import io.spoor.agent.UdpServerConfig;
import io.spoor.collector.HostPort;
import io.spoor.storage.GoDuration;
import io.spoor.storage.HealthStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spoor agent}: Jaeger's agent — UDP receivers, forwarding to collectors, sampling proxy. */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = {
        "Receive spans from Jaeger clients over UDP (6831 compact, 6832 binary), forward them to the "
            + "collectors over gRPC, and serve sampling strategies on 5778 (/sampling, /, /baggageRestrictions).",
        "Admin: /metrics and /health on --admin.http.host-port (default :14271)."},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class AgentCommand implements Callable<Integer> {
  @Option(names = "--reporter.grpc.host-port", paramLabel = "<host:port,...>",
      description = "Collectors' gRPC endpoints, used round robin (required), e.g. c1:14250,c2:14250.")
  String collectors = "";

  @Mixin
  AgentOptions agent = new AgentOptions();

  @Mixin
  AdminOptions admin = new AdminOptions(":14271");

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  private final Supplier<ShutdownSignal> signals;

  AgentCommand(Supplier<ShutdownSignal> signals) {
    this.signals = signals;
  }

  /** @throws IllegalArgumentException naming the flag, the value and what was expected */
  AgentConfig toConfig() {
    List<Address> targets = new ArrayList<>();
    for (String target : collectors.split(",", -1)) {
      if (!target.isBlank()) {
        targets.add(Address.parseTarget("reporter.grpc.host-port", target));
      }
    }
    return agent.toConfig(targets);
  }

  @Override
  public Integer call() throws Exception {
    // Validate everything before anything is opened.
    AgentConfig config = toConfig();
    HostPort adminAddress = admin.address();
    ShutdownSignal signal = signals.get();
    try (ServerRuntime runtime = new ServerRuntime()) {
      return runtime.serve(signal, spec.commandLine().getOut(), adminAddress, () -> {
        Agent started = runtime.components.add(new Agent(config, runtime.registry));
        started.start();
        return new ServerRuntime.Started("Spoor agent started: " + started.describe(), () -> HealthStatus.OK);
      });
    }
  }
}
