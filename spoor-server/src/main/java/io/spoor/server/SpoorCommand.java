package io.spoor.server;

import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code spoor}: without a subcommand it prints its help. */
@Command(
    name = "spoor",
    mixinStandardHelpOptions = true,
    versionProvider = SpoorCommand.Version.class,
    description = "Spoor: a distributed tracing platform compatible with Jaeger.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {AllInOneCommand.class, CollectorCommand.class, QueryCommand.class, AgentCommand.class,
        IngesterCommand.class, TracegenCommand.class, DependenciesCommand.class, VersionCommand.class,
        ConfigCommand.class, CassandraCommand.class, EsCommand.class, HelpCommand.class},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class SpoorCommand implements Runnable {
  /** Help footer every subcommand repeats. */
  static final String FOOTER_HEADING = "%nEnvironment:%n";
  static final String FOOTER_ENVIRONMENT =
      "Every option --a.b-c can also be set with the environment variable A_B_C "
          + "(--memory.max-traces: MEMORY_MAX_TRACES); a flag wins over the environment.";
  static final String FOOTER_EXIT_CODES = "Exit codes: 0 done, 1 failure, 2 invalid configuration.";

  @Option(
      names = "--log-level",
      paramLabel = "<level>",
      defaultValue = "info",
      scope = ScopeType.INHERIT,
      description = "Minimum level of log lines: ${COMPLETION-CANDIDATES}. Default: info. Env: LOG_LEVEL.")
  LogLevel logLevel = LogLevel.INFO;

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints {@link VersionInfo} for {@code --version}. */
  static final class Version implements IVersionProvider {
    private final VersionInfo info;

    Version(VersionInfo info) {
      this.info = Objects.requireNonNull(info, "info");
    }

    @Override
    public String[] getVersion() {
      return info.lines();
    }
  }
}
