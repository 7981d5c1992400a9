package io.spoor.bench.compare;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to start one collector as a child process. Command, environment and URLs are templates in which
 * {@code {port}} is the ingest port, {@code {admin-port}} a second free port and {@code {heap}} the heap
 * limit; a leading {@code java} becomes the running JVM's own launcher, so both sides run on the same JDK.
 *
 * @param metricsUrl a Prometheus exposition with {@code jvm_memory_used_bytes}, or null to sample the heap
 *     with jcmd only
 */
public record CollectorUnderTest(
    String name,
    List<String> command,
    Map<String, String> environment,
    String healthUrl,
    @Nullable String metricsUrl) {

  public CollectorUnderTest {
    requireNonNull(name, "name");
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    requireNonNull(healthUrl, "healthUrl");
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command: [] (expected: a program and its arguments)");
    }
  }

  /**
   * Zipkin's executable server jar with in-memory storage, listening on loopback only. Zipkin takes the port
   * from {@code QUERY_PORT}; the listen address needs Armeria's Spring property, and overriding one element
   * of {@code armeria.ports} replaces the list, so port, address and protocol are all given.
   */
  public static CollectorUnderTest zipkin(Path executableJar) {
    return new CollectorUnderTest("zipkin",
        List.of("java", "-Xmx{heap}", "-jar", executableJar.toString(),
            "--armeria.ports[0].port={port}", "--armeria.ports[0].ip=127.0.0.1",
            "--armeria.ports[0].protocols[0]=http"),
        Map.of("STORAGE_TYPE", "mem", "QUERY_PORT", "{port}"),
        "http://127.0.0.1:{port}/health",
        "http://127.0.0.1:{port}/prometheus");
  }

  /** Spoor's collector from {@code commandLine} (split on blanks), with memory storage. */
  public static CollectorUnderTest spoor(String commandLine, String healthUrl, @Nullable String metricsUrl) {
    return new CollectorUnderTest("spoor", List.of(commandLine.trim().split("\\s+")),
        Map.of("SPAN_STORAGE_TYPE", "memory"), healthUrl, metricsUrl);
  }

  /** Why this side cannot start at all (a missing {@code -jar} file), if that can be told before starting. */
  Optional<String> missingPrerequisite() {
    int jar = command.indexOf("-jar");
    if (jar >= 0 && jar + 1 < command.size() && !Files.isRegularFile(Path.of(command.get(jar + 1)))) {
      return Optional.of("jar not found: " + Path.of(command.get(jar + 1)).toAbsolutePath());
    }
    return Optional.empty();
  }

  /** The templates with ports, heap and launcher filled in. */
  Launch resolve(int port, int adminPort, String heap, Path javaLauncher) {
    List<String> resolved = command.stream().map(token -> fill(token, port, adminPort, heap)).toList();
    if (resolved.get(0).equals("java")) {
      resolved = new java.util.ArrayList<>(resolved);
      resolved.set(0, javaLauncher.toString());
    }
    Map<String, String> env = new LinkedHashMap<>();
    environment.forEach((key, value) -> env.put(key, fill(value, port, adminPort, heap)));
    String metrics = metricsUrl;
    return new Launch(List.copyOf(resolved), env, URI.create("http://127.0.0.1:" + port),
        URI.create(fill(healthUrl, port, adminPort, heap)),
        metrics == null ? null : URI.create(fill(metrics, port, adminPort, heap)));
  }

  private static String fill(String template, int port, int adminPort, String heap) {
    return template.replace("{port}", Integer.toString(port))
        .replace("{admin-port}", Integer.toString(adminPort))
        .replace("{heap}", heap);
  }

  /** A resolved command line. */
  record Launch(List<String> command, Map<String, String> environment, URI ingestBase, URI health,
      @Nullable URI metrics) {}
}
