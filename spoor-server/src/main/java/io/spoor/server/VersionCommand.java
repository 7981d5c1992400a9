package io.spoor.server;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spoor version}: Spoor's version and the Java runtime, one per line. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version of Spoor and of Java.")
final class VersionCommand implements Callable<Integer> {
  private final VersionInfo info;

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  VersionCommand(VersionInfo info) {
    this.info = Objects.requireNonNull(info, "info");
  }

  @Override
  public Integer call() {
    for (String line : info.lines()) {
      spec.commandLine().getOut().println(line);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }
}
