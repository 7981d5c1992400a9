package io.spoor.server;

import io.spoor.storage.StorageFactory;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Creates the objects picocli instantiates (commands, mixins, version provider) with what they need,
 * so none of them reaches for global state. Anything else picocli creates the default way.
 */
final class CommandFactory implements IFactory {
  private final Environment environment;
  private final List<StorageFactory> storageFactories;
  private final VersionInfo version;
  private final Supplier<ShutdownSignal> signals;
  private final IFactory fallback = CommandLine.defaultFactory();

  CommandFactory(Environment environment, List<StorageFactory> storageFactories, VersionInfo version,
      Supplier<ShutdownSignal> signals) {
    this.signals = Objects.requireNonNull(signals, "signals");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.storageFactories = List.copyOf(storageFactories);
    this.version = Objects.requireNonNull(version, "version");
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (type == StorageOptions.class) {
      return type.cast(new StorageOptions(storageFactories, environment));
    }
    if (type == QueryCommand.class) {
      return type.cast(new QueryCommand(signals));
    }
    if (type == AllInOneCommand.class) {
      return type.cast(new AllInOneCommand(signals,
          new StorageOptions(storageFactories, environment, AllInOneCommand.DEFAULT_STORAGE)));
    }
    if (type == CollectorCommand.class) {
      return type.cast(new CollectorCommand(signals));
    }
    if (type == IngesterCommand.class) {
      return type.cast(new IngesterCommand(signals));
    }
    if (type == AgentCommand.class) {
      return type.cast(new AgentCommand(signals));
    }
    if (type == DependenciesCommand.class) {
      return type.cast(new DependenciesCommand(java.time.Clock.systemUTC()));
    }
    if (type == VersionCommand.class) {
      return type.cast(new VersionCommand(version));
    }
    if (type == SpoorCommand.Version.class) {
      return type.cast(new SpoorCommand.Version(version));
    }
    return fallback.create(type);
  }
}
