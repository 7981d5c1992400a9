package io.spoor.server;

import io.spoor.storage.Storage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code spoor config}: prints the effective configuration, each value with where it came from (flag,
 * environment or default), and checks it the way a server would at start: the backend must exist and
 * accept its options. Nothing is opened: the backend is created (which does no I/O) and closed.
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
        "Print the effective configuration and where each value comes from, then check it.",
        "Exits with 2 and one line on stderr when the configuration is invalid."},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class ConfigCommand implements Callable<Integer> {
  // Created by Spoor's command factory, like every StorageOptions.
  @Mixin
  @SuppressWarnings("unused")
  StorageOptions storage;

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (ConfigEntry entry : storage.describe()) {
      out.println(entry.render());
    }
    // Creating validates the backend's options; it does no I/O, so closing it right away is cheap.
    Storage created = storage.createStorage();
    created.close();
    out.println("configuration is valid (storage " + storage.type() + ", not opened)");
    out.flush();
    return 0;
  }
}
