package io.spoor.server;

import io.spoor.storage.StorageException;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.cassandra.CassandraStorageFactory;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/**
 * {@code spoor cassandra init}: creates the keyspace and Jaeger's schema v004 with the {@code
 * --cassandra.*} options (connection, replication, TTLs). Running it again changes nothing; a keyspace
 * holding another schema is refused with what differs, and nothing is changed.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    modelTransformer = CassandraInitCommand.Options.class,
    customSynopsis = "Usage: spoor cassandra init [-hV] [--cassandra.<option>=<value>]...",
    description = {
        "Create the keyspace and the tables of Jaeger's Cassandra schema v004 (idempotent).",
        "Refuses a keyspace that holds another schema version; changes nothing then."},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class CassandraInitCommand implements Callable<Integer> {
  /** The backend's options that matter here: connection, keyspace and what the schema is created with. */
  static final List<StorageOption> OPTIONS = new CassandraStorageFactory().options().stream()
      .filter(o -> !o.name().startsWith("cassandra.index.") && !o.name().equals("cassandra.max-in-flight")
          && !o.name().equals("cassandra.span-store-write-cache-ttl") && !o.name().equals("cassandra.create-schema"))
      .toList();

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, String> values = new LinkedHashMap<>();
    for (StorageOption option : OPTIONS) {
      OptionSpec spec = this.spec.findOption("--" + option.name());
      Object value = spec == null ? null : spec.getValue();
      if (value != null) {
        values.put(option.name(), value.toString());
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      out.println(CassandraStorageFactory.initSchema(StorageSettings.of(values)));
      out.flush();
      return 0;
    } catch (StorageException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName() + ": " + e.getMessage());
      err.flush();
      return StartupErrors.FAILURE;
    }
  }

  /** Adds one flag per option of the cassandra backend (values also from the environment). */
  static final class Options implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      for (StorageOption option : OPTIONS) {
        spec.addOption(OptionSpec.builder("--" + option.name())
            .type(String.class)
            .paramLabel("<" + option.name().substring(option.name().lastIndexOf('.') + 1) + ">")
            .description((option.description() + " Default: "
                + (option.defaultValue().isEmpty() ? "(none)" : option.defaultValue())
                + ". Env: " + option.environmentVariable() + ".").replace("%", "%%"))
            .build());
      }
      return spec;
    }
  }
}
