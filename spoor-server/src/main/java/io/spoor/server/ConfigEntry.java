package io.spoor.server;

import java.util.Locale;
import java.util.Objects;

/** One effective configuration value and where it came from, as {@code spoor config} prints it. */
record ConfigEntry(String name, String value, Source source) {
  /** Where a value came from; a flag wins over the environment, which wins over the default. */
  enum Source {
    FLAG,
    ENVIRONMENT,
    DEFAULT
  }

  ConfigEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  /** {@code memory.max-traces=100  (env MEMORY_MAX_TRACES)}; secrets are masked. */
  String render() {
    String shown = isSecret() && !value.isEmpty() ? "********" : value;
    return name + "=" + shown + "  (" + describeSource() + ")";
  }

  private String describeSource() {
    switch (source) {
      case FLAG:
        return "flag --" + name;
      case ENVIRONMENT:
        return "env " + Environment.variableFor(name);
      default:
        return "default";
    }
  }

  private boolean isSecret() {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith("password") || n.endsWith("token") || n.endsWith("secret") || n.endsWith("api-key");
  }
}
