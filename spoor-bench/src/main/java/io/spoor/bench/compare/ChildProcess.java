package io.spoor.bench.compare;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server under test running as a child process, its output going to a log file. {@link #close} stops it
 * (SIGTERM, then SIGKILL after 15 seconds) and is idempotent.
 */
public final class ChildProcess implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(250);

  private final Process process;
  private final Path log;

  private ChildProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  public static ChildProcess start(List<String> command, Map<String, String> environment, Path log) throws IOException {
    requireNonNull(command, "command");
    Files.createDirectories(log.toAbsolutePath().getParent());
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    return new ChildProcess(builder.start(), log);
  }

  public long pid() {
    return process.pid();
  }

  public Path log() {
    return log;
  }

  /**
   * Polls {@code health} until it answers 2xx.
   *
   * @throws IllegalStateException if the process exits first or {@code timeout} passes, with the log's tail
   */
  public void awaitHealthy(URI health, Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() - deadline < 0) {
      if (!process.isAlive()) {
        throw new IllegalStateException("exited with code " + process.exitValue() + " before " + health
            + " answered; last lines of " + log + ":\n" + logTail(15));
      }
      try {
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2) {
          return;
        }
      } catch (IOException notListeningYet) {
        // expected while the server starts
      }
      // waitFor doubles as the pause between polls and returns at once if the process exits
      process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
    }
    throw new IllegalStateException(health + " did not answer 2xx within " + timeout.toSeconds()
        + "s; last lines of " + log + ":\n" + logTail(15));
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  /** Stops the process; if interrupted while waiting, kills it and keeps the interrupt flag. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
