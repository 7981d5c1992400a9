package io.spoor.storage;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Raw option values for a backend, looked up by flag name ({@code memory.max-traces}), with typed
 * getters that fail with one clear line naming the flag. The server fills it from flags and the
 * environment (a flag wins); tests fill it from a map.
 */
public final class StorageSettings {
  private final Function<String, Optional<String>> source;

  private StorageSettings(Function<String, Optional<String>> source) {
    this.source = source;
  }

  /** Values looked up by flag name. */
  public static StorageSettings of(Function<String, Optional<String>> lookup) {
    return new StorageSettings(Objects.requireNonNull(lookup, "lookup"));
  }

  /** Values from a map keyed by flag name. */
  public static StorageSettings of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return new StorageSettings(name -> Optional.ofNullable(copy.get(name)));
  }

  public static StorageSettings empty() {
    return of(Map.of());
  }

  /** {@code memory.max-traces} → {@code MEMORY_MAX_TRACES}. */
  public static String environmentName(String flag) {
    return flag.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Optional<String> get(String name) {
    return source.apply(name).map(String::trim);
  }

  public String getString(String name, String defaultValue) {
    return get(name).orElse(defaultValue);
  }

  public long getLong(String name, long defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(v.get());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + ": \"" + v.get() + "\" (expected: an integer)");
    }
  }

  public int getInt(String name, int defaultValue) {
    long v = getLong(name, defaultValue);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--" + name + ": " + v + " (expected: a 32-bit integer)");
    }
    return (int) v;
  }

  public boolean getBoolean(String name, boolean defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    switch (v.get().toLowerCase(Locale.ROOT)) {
      case "true":
        return true;
      case "false":
        return false;
      default:
        throw new IllegalArgumentException("--" + name + ": \"" + v.get() + "\" (expected: true or false)");
    }
  }

  /** A Go-style duration such as {@code 72h}, {@code 1m30s}, {@code 500ms}. */
  public Duration getDuration(String name, Duration defaultValue) {
    Optional<String> v = get(name);
    if (v.isEmpty()) {
      return defaultValue;
    }
    try {
      return GoDuration.parse(v.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
    }
  }
}
