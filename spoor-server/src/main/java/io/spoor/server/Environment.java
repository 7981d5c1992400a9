package io.spoor.server;

import io.spoor.storage.StorageSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The environment variables the command was started with, read once in {@code main} and passed down,
 * so nothing below reads {@link System#getenv()} and tests supply a map.
 */
public final class Environment {
  private final Map<String, String> variables;

  private Environment(Map<String, String> variables) {
    this.variables = Map.copyOf(variables);
  }

  public static Environment of(Map<String, String> variables) {
    return new Environment(Objects.requireNonNull(variables, "variables"));
  }

  public static Environment empty() {
    return new Environment(Map.of());
  }

  /** The variable's value, if set (an empty value counts as set). */
  public Optional<String> get(String name) {
    return Optional.ofNullable(variables.get(name));
  }

  /**
   * The variable that stands for a flag, as Jaeger derives it: {@code --memory.max-traces} (with or
   * without dashes) becomes {@code MEMORY_MAX_TRACES}.
   */
  public static String variableFor(String flag) {
    String name = flag.startsWith("--") ? flag.substring(2) : flag;
    return StorageSettings.environmentName(name);
  }

  /** The value for a flag from its environment variable. */
  public Optional<String> forFlag(String flag) {
    return get(variableFor(flag));
  }
}
