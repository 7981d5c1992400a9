package io.spoor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server running as a forked JVM: its own class path (see {@link ServerJars}), its own data folder
 * and log file, started and stopped by the tests. The command line carries {@code
 * -Dspoor.testkit=<name>}; the JVM of the tests kills it on exit if a test forgot to.
 *
 * <p>{@link #stop()} sends SIGTERM (graceful: the server's shutdown hooks run), {@link #kill()}
 * SIGKILL (for crash tests). Both can be followed by {@link #start()} on the same data folder.
 */
public final class ForkedServer implements AutoCloseable {
  private final String name;
  private final Path workDir;
  private final Path log;
  private final List<String> command;
  private final Map<String, String> environment;
  private final BooleanSupplier ready;
  private final Duration startTimeout;
  private final Thread reaper;
  private volatile Process process;

  private ForkedServer(Builder b) {
    this.name = b.name;
    this.workDir = b.workDir;
    this.log = b.workDir.resolve(b.name + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dspoor.testkit=" + b.name);
    cmd.addAll(b.jvmOptions);
    cmd.add("-cp");
    cmd.add(b.classPath);
    cmd.add(b.mainClass);
    cmd.addAll(b.arguments);
    this.command = List.copyOf(cmd);
    this.environment = Map.copyOf(b.environment);
    this.ready = b.ready;
    this.startTimeout = b.startTimeout;
    this.reaper = new Thread(this::killQuietly, "spoor-testkit-reaper-" + name);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  public static Builder builder(String name, Path workDir) {
    return new Builder(name, workDir);
  }

  public String name() {
    return name;
  }

  /** The folder the server runs in; its log is {@code <name>.log} there (the previous run's {@code .log.1}). */
  public Path workDir() {
    return workDir;
  }

  public Path log() {
    return log;
  }

  /** The full command line, for diagnostics. */
  public List<String> command() {
    return command;
  }

  /** Starts the JVM and waits until the readiness check passes; fails with the log tail otherwise. */
  public synchronized ForkedServer start() {
    if (isAlive()) {
      return this;
    }
    try {
      Files.createDirectories(workDir);
      if (Files.exists(log)) {
        Files.move(log, workDir.resolve(name + ".log.1"), StandardCopyOption.REPLACE_EXISTING);
      }
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      pb.environment().putAll(environment);
      process = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
    awaitReady(startTimeout);
    return this;
  }

  /** Waits until the readiness check passes, the process dies or the timeout ends. */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Process p = process;
      if (p == null || !p.isAlive()) {
        throw new IllegalStateException(name + " exited"
            + (p == null ? "" : " with status " + p.exitValue()) + "; log " + log + ":\n" + tail(log, 60));
      }
      boolean ok;
      try {
        ok = ready.getAsBoolean();
      } catch (RuntimeException e) {
        ok = false;
      }
      if (ok) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(name + " not ready after " + timeout.toSeconds() + " s; log "
            + log + ":\n" + tail(log, 60));
      }
      sleep(200);
    }
  }

  public boolean isAlive() {
    Process p = process;
    return p != null && p.isAlive();
  }

  public long pid() {
    Process p = process;
    if (p == null) {
      throw new IllegalStateException(name + " was never started");
    }
    return p.pid();
  }

  /** SIGTERM, then SIGKILL after {@code grace}. */
  public synchronized void stop(Duration grace) {
    Process p = process;
    if (p == null || !p.isAlive()) {
      return;
    }
    p.destroy();
    try {
      if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM, SIGKILL after 60 s. */
  public void stop() {
    stop(Duration.ofSeconds(60));
  }

  /** SIGKILL: no shutdown hook runs, as in a crash. */
  public synchronized void kill() {
    Process p = process;
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    try {
      p.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Whether this run's log holds {@code text}. */
  public boolean logContains(String text) {
    try {
      return Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
    } catch (IOException e) {
      return false;
    }
  }

  /** Stops the server (graceful) and forgets the exit hook. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway
    }
  }

  private void killQuietly() {
    Process p = process;
    if (p != null && p.isAlive()) {
      p.destroyForcibly();
    }
  }

  /** The last {@code lines} lines of a file, or a note that there is none. */
  public static String tail(Path file, int lines) {
    try {
      if (!Files.exists(file)) {
        return "(no " + file + ")";
      }
      List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e.getMessage() + ")";
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Describes the JVM to fork. */
  public static final class Builder {
    private final String name;
    private final Path workDir;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> arguments = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private String classPath;
    private String mainClass;
    private BooleanSupplier ready;
    private Duration startTimeout = Duration.ofSeconds(120);

    private Builder(String name, Path workDir) {
      this.name = Objects.requireNonNull(name, "name");
      this.workDir = workDir.toAbsolutePath();
    }

    public Builder classPath(String classPath) {
      this.classPath = classPath;
      return this;
    }

    public Builder mainClass(String mainClass) {
      this.mainClass = mainClass;
      return this;
    }

    public Builder jvmOptions(String... options) {
      jvmOptions.addAll(List.of(options));
      return this;
    }

    public Builder jvmOptions(List<String> options) {
      jvmOptions.addAll(options);
      return this;
    }

    public Builder arguments(String... args) {
      arguments.addAll(List.of(args));
      return this;
    }

    public Builder environment(String key, String value) {
      environment.put(key, value);
      return this;
    }

    /** Polled every 200 ms after the start until it answers true. */
    public Builder readyWhen(BooleanSupplier ready) {
      this.ready = ready;
      return this;
    }

    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    public ForkedServer build() {
      Objects.requireNonNull(classPath, "classPath");
      Objects.requireNonNull(mainClass, "mainClass");
      Objects.requireNonNull(ready, "readyWhen");
      return new ForkedServer(this);
    }
  }
}
