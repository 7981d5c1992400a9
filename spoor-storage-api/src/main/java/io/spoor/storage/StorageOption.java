package io.spoor.storage;

import java.util.Objects;

/**
 * A documented option of a backend, such as {@code --memory.max-traces}. The name is the flag without
 * dashes ({@code memory.max-traces}); the environment variable is derived from it.
 */
public record StorageOption(String name, String defaultValue, String description) {
  public StorageOption {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
  }

  /** {@code memory.max-traces} → {@code MEMORY_MAX_TRACES}, as Jaeger derives it. */
  public String environmentVariable() {
    return StorageSettings.environmentName(name);
  }
}
