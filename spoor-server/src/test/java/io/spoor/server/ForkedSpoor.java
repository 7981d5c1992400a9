package io.spoor.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code spoor} command in its own JVM (the test class path), every port on 127.0.0.1:0; the
 * ports it bound are read from its start-up line. For tests that kill or stop a component.
 */
final class ForkedSpoor implements AutoCloseable {
  private static final List<String> PORT_VARIABLES = List.of("COLLECTOR_GRPC_SERVER_HOST_PORT",
      "COLLECTOR_HTTP_SERVER_HOST_PORT", "COLLECTOR_OTLP_GRPC_HOST_PORT", "COLLECTOR_OTLP_HTTP_HOST_PORT",
      "COLLECTOR_ZIPKIN_HOST_PORT", "QUERY_HTTP_SERVER_HOST_PORT", "QUERY_GRPC_SERVER_HOST_PORT",
      "ADMIN_HTTP_HOST_PORT", "PROCESSOR_JAEGER_COMPACT_SERVER_HOST_PORT",
      "PROCESSOR_JAEGER_BINARY_SERVER_HOST_PORT", "HTTP_SERVER_HOST_PORT");
  private static final Pattern ADMIN = Pattern.compile("admin=[^ ,]*:(\\d+)");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final java.lang.Process process;
  final String startLine;
  final Path log;

  private ForkedSpoor(java.lang.Process process, String startLine, Path log) {
    this.process = process;
    this.startLine = startLine;
    this.log = log;
  }

  static ForkedSpoor start(Path logDir, String command, Map<String, String> env, String... args) throws IOException {
    Files.createDirectories(logDir);
    Path log = Files.createTempFile(logDir, command, ".log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Spoor.class.getName(), command));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    for (String name : PORT_VARIABLES) {
      pb.environment().put(name, "127.0.0.1:0");
    }
    pb.environment().putAll(env);
    pb.redirectError(log.toFile());
    java.lang.Process process = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("Spoor ")) {
        // keep draining stdout so the process never blocks on a full pipe
        Thread drain = new Thread(() -> {
          try {
            while (out.readLine() != null) {
              // discard
            }
          } catch (IOException ignored) {
            // process gone
          }
        }, "drain-" + command);
        drain.setDaemon(true);
        drain.start();
        return new ForkedSpoor(process, line, log);
      }
    }
    process.destroyForcibly();
    throw new AssertionError("spoor " + command + " did not start; log:\n" + Files.readString(log));
  }

  /** The port after {@code name=} in the start-up line, e.g. {@code otlp_http}, {@code query_http}, {@code admin}. */
  int port(String name) {
    Matcher m = (name.equals("admin") ? ADMIN : Pattern.compile(name + "=[^ ,]*:(\\d+)")).matcher(startLine);
    if (!m.find()) {
      throw new AssertionError("no " + name + " port in: " + startLine);
    }
    return Integer.parseInt(m.group(1));
  }

  /** The sum of a Prometheus metric's samples on the admin port (0 when absent). */
  double metric(String name) throws IOException, InterruptedException {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port("admin") + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    double sum = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** SIGTERM and wait for the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("did not stop in 60 s after SIGTERM");
    }
    return process.exitValue();
  }

  /** SIGKILL. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
