package io.spoor.server;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The storage part of a subcommand's configuration, added with {@code @Mixin StorageOptions storage}:
 * {@code --span-storage.type} (env {@code SPAN_STORAGE_TYPE}, default {@code memory}) and, for every
 * backend on the class path, the options its {@link StorageFactory#options()} declares ({@code
 * --memory.max-traces}, env {@code MEMORY_MAX_TRACES}). {@link Spoor} registers the backend options
 * when it builds the command line; they are listed in the command's help under one heading per
 * backend.
 *
 * <p>After parsing, {@link #factory()} names the chosen backend (or fails with one line naming the
 * available ones), {@link #settings()} holds its option values from flags and environment, and {@link
 * #createStorage()} builds the backend without opening it.
 */
public final class StorageOptions {
  /** The flag that selects the backend. */
  public static final String TYPE_FLAG = "--span-storage.type";
  static final String DEFAULT_TYPE = "memory";

  private final List<StorageFactory> factories;
  private final Environment environment;
  private final Map<String, OptionSpec> backendOptions = new LinkedHashMap<>();
  // Injected by picocli before any method below runs.
  @Spec(Spec.Target.MIXEE)
  private CommandSpec mixee;

  // No defaultValue in the annotation: the default is this instance's, so all-in-one can default
  // to the embedded persistent store while the other commands default to memory.
  @Option(
      names = TYPE_FLAG,
      paramLabel = "<type>",
      description = "Storage backend, one of those listed under 'Storage backends'. "
          + "Default: ${DEFAULT-VALUE}. Env: SPAN_STORAGE_TYPE.")
  private String type;

  StorageOptions(List<StorageFactory> factories, Environment environment) {
    this(factories, environment, DEFAULT_TYPE);
  }

  StorageOptions(List<StorageFactory> factories, Environment environment, String defaultType) {
    this.factories = List.copyOf(factories);
    this.environment = Objects.requireNonNull(environment, "environment");
    this.type = Objects.requireNonNull(defaultType, "defaultType");
  }

  /** The backend name as given by flag, environment or default. */
  public String type() {
    return type;
  }

  /**
   * The factory of the selected backend.
   *
   * @throws ParameterException (exit code 2) when no backend has that name
   */
  public StorageFactory factory() {
    for (StorageFactory factory : factories) {
      if (factory.name().equals(type)) {
        return factory;
      }
    }
    String available = factories.isEmpty()
        ? "the name of a storage backend, but none is on the class path"
        : "one of " + names();
    throw new ParameterException(mixee.commandLine(),
        TYPE_FLAG + " / SPAN_STORAGE_TYPE: \"" + type + "\" (expected: " + available + ")");
  }

  /** The selected backend's options, each from its flag, else its environment variable, else absent. */
  public StorageSettings settings() {
    StorageFactory factory = factory();
    Map<String, String> values = new LinkedHashMap<>();
    for (StorageOption option : factory.options()) {
      value(option).ifPresent(v -> values.put(option.name(), v));
    }
    return StorageSettings.of(values);
  }

  /**
   * Builds the selected backend from its settings, validating them; does no I/O. The caller starts
   * and closes it.
   *
   * @throws ParameterException for an unknown backend
   * @throws IllegalArgumentException naming the option whose value is invalid
   */
  public Storage createStorage() {
    return factory().create(settings());
  }

  /** Where each option of the selected backend came from, in declaration order, type first. */
  List<ConfigEntry> describe() {
    List<ConfigEntry> entries = new ArrayList<>();
    entries.add(new ConfigEntry(TYPE_FLAG.substring(2), type, sourceOf(typeOption())));
    for (StorageOption option : factory().options()) {
      OptionSpec spec = backendOptions.get(option.name());
      Optional<String> value = value(option);
      ConfigEntry.Source source = spec == null ? ConfigEntry.Source.DEFAULT : sourceOf(spec);
      entries.add(new ConfigEntry(option.name(), value.orElse(option.defaultValue()), source));
    }
    return entries;
  }

  /** Adds one option per backend option to the mixee and lists them in its help. */
  void registerBackendOptions() {
    for (StorageFactory factory : factories) {
      for (StorageOption option : factory.options()) {
        if (backendOptions.containsKey(option.name()) || mixee.findOption("--" + option.name()) != null) {
          continue;
        }
        OptionSpec spec = OptionSpec.builder("--" + option.name())
            .type(String.class)
            .paramLabel("<" + lastWord(option.name()) + ">")
            // Backend text is plain prose: escape picocli's format characters.
            .description((option.description() + " Default: "
                + (option.defaultValue().isEmpty() ? "(none)" : option.defaultValue())
                + ". Env: " + option.environmentVariable() + ".").replace("%", "%%"))
            .hidden(true) // listed by StorageOptionsHelp, grouped per backend
            .build();
        mixee.addOption(spec);
        backendOptions.put(option.name(), spec);
      }
    }
    StorageOptionsHelp.install(mixee, factories, backendOptions);
  }

  private Optional<String> value(StorageOption option) {
    OptionSpec spec = backendOptions.get(option.name());
    if (spec != null) {
      String v = spec.getValue();
      return Optional.ofNullable(v);
    }
    return environment.get(option.environmentVariable());
  }

  private ConfigEntry.Source sourceOf(OptionSpec spec) {
    CommandLine.ParseResult parsed = mixee.commandLine().getParseResult();
    if (parsed != null && parsed.hasMatchedOption(spec)) {
      return ConfigEntry.Source.FLAG;
    }
    if (environment.forFlag(spec.longestName()).isPresent()) {
      return ConfigEntry.Source.ENVIRONMENT;
    }
    return ConfigEntry.Source.DEFAULT;
  }

  private OptionSpec typeOption() {
    return mixee.findOption(TYPE_FLAG);
  }

  private String names() {
    return factories.stream().map(StorageFactory::name).sorted().collect(Collectors.joining(", "));
  }

  private static String lastWord(String name) {
    String last = name.substring(name.lastIndexOf('.') + 1);
    return last.toLowerCase(Locale.ROOT);
  }
}
