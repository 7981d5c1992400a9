package io.spoor.server;

import io.spoor.storage.StorageFactory;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code spoor} command line. {@link #main} reads the process environment, the storage backends
 * on the class path and the Java version once and hands them to an instance; tests build an instance
 * with their own.
 */
public final class Spoor {
  private final Environment environment;
  private final List<StorageFactory> storageFactories;
  private final Consumer<LogLevel> logLevels;
  private final VersionInfo version;
  private final Supplier<ShutdownSignal> signals;

  /**
   * @param environment the environment variables options fall back to
   * @param storageFactories the backends {@code --span-storage.type} chooses from
   * @param logLevels applies {@code --log-level} before the command runs
   * @param javaRuntime how {@code spoor version} describes the Java runtime
   */
  public Spoor(
      Environment environment,
      List<StorageFactory> storageFactories,
      Consumer<LogLevel> logLevels,
      String javaRuntime) {
    this(environment, storageFactories, logLevels, javaRuntime, ShutdownSignal::ofJvm);
  }

  /**
   * @param signals gives a long-running command the signal it waits on; asked only by such commands
   *     (the JVM's shutdown hook is installed only when a server runs)
   */
  Spoor(
      Environment environment,
      List<StorageFactory> storageFactories,
      Consumer<LogLevel> logLevels,
      String javaRuntime,
      Supplier<ShutdownSignal> signals) {
    this.signals = Objects.requireNonNull(signals, "signals");
    this.environment = Objects.requireNonNull(environment, "environment");
    this.storageFactories = List.copyOf(storageFactories);
    this.logLevels = Objects.requireNonNull(logLevels, "logLevels");
    this.version = VersionInfo.load(Objects.requireNonNull(javaRuntime, "javaRuntime"));
  }

  public static void main(String[] args) {
    String java = "java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")";
    Spoor spoor = new Spoor(Environment.of(System.getenv()), StorageFactory.available(), LogbackLevel::apply, java);
    Charset console = Charset.defaultCharset();
    int exitCode = spoor.execute(args,
        new PrintWriter(new java.io.OutputStreamWriter(System.out, console), true),
        new PrintWriter(new java.io.OutputStreamWriter(System.err, console), true));
    System.exit(exitCode);
  }

  /** Runs one command line and returns its exit code: 0 done, 1 failure, 2 invalid configuration. */
  public int execute(String[] args, PrintWriter out, PrintWriter err) {
    return commandLine(out, err).execute(args);
  }

  /** The configured command line, for {@link #execute} and for tests that inspect help. */
  CommandLine commandLine(PrintWriter out, PrintWriter err) {
    SpoorCommand top = new SpoorCommand();
    CommandLine cmd = new CommandLine(top, new CommandFactory(environment, storageFactories, version, signals));
    cmd.setOut(out);
    cmd.setErr(err);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    StartupErrors errors = new StartupErrors(environment);
    cmd.setParameterExceptionHandler(errors);
    cmd.setExecutionExceptionHandler(errors);
    registerBackendOptions(cmd);
    // Set last: picocli copies it to the subcommands that exist at this point.
    cmd.setDefaultValueProvider(new EnvironmentDefaults(environment));
    cmd.setExecutionStrategy(parsed -> {
      logLevels.accept(top.logLevel);
      return new CommandLine.RunLast().execute(parsed);
    });
    return cmd;
  }

  private static void registerBackendOptions(CommandLine cmd) {
    CommandSpec spec = cmd.getCommandSpec();
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof StorageOptions) {
        ((StorageOptions) mixin.userObject()).registerBackendOptions();
      }
    }
    for (CommandLine sub : cmd.getSubcommands().values()) {
      registerBackendOptions(sub);
    }
  }
}
