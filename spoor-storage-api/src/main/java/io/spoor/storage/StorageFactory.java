package io.spoor.storage;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Creates a backend by name. Implementations are listed in {@code
 * META-INF/services/io.spoor.storage.StorageFactory} and need a public no-argument constructor.
 */
public interface StorageFactory {
  /** The name users select with {@code SPAN_STORAGE_TYPE}: {@code memory}, {@code cassandra}, ... */
  String name();

  /** The options this backend reads, for {@code --help} and validation; Jaeger's names where Jaeger has them. */
  List<StorageOption> options();

  /**
   * Builds the backend from its options, validating them. Does no I/O.
   *
   * @throws IllegalArgumentException naming the option, the value and what was expected
   */
  Storage create(StorageSettings settings);

  /** Every factory on the class path. */
  static List<StorageFactory> available() {
    return ServiceLoader.load(StorageFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .collect(Collectors.toList());
  }

  /** The factory registered under {@code name}, if any. */
  static Optional<StorageFactory> find(String name) {
    return available().stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
