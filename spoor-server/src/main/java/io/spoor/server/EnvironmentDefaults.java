package io.spoor.server;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Makes every option readable from the environment: picocli asks this provider for a default before
 * it falls back to the option's own default, and uses it only when the flag is absent, so a flag
 * always wins. {@code --help} and {@code --version} are never taken from the environment.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  private final Environment environment;

  EnvironmentDefaults(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public @Nullable String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec)) {
      return null;
    }
    OptionSpec option = (OptionSpec) arg;
    if (option.usageHelp() || option.versionHelp()) {
      return null;
    }
    // picocli expands ${...} in default values; escape it so an environment value arrives verbatim.
    return environment.forFlag(option.longestName()).map(v -> v.replace("${", "$${")).orElse(null);
  }
}
