package io.spoor.server;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spoor cassandra}: tasks on a Cassandra cluster used as span storage. */
@Command(
    name = "cassandra",
    mixinStandardHelpOptions = true,
    description = "Tasks on the Cassandra cluster of SPAN_STORAGE_TYPE=cassandra.",
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {CassandraInitCommand.class},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class CassandraCommand implements Runnable {
  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
