package io.spoor.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The runtime jars of a server, fetched once from Maven Central with the project's Maven wrapper
 * (a generated pom and {@code maven-dependency-plugin:copy-dependencies}) into a cache folder, so a
 * server's dependencies never mix with the test class path.
 *
 * <p>Cache: {@code $SPOOR_TESTKIT_HOME/jars/<key>} (default {@code ~/.cache/spoor-testkit}). A
 * folder is complete once it holds {@code .complete}; concurrent test JVMs serialize on a file lock.
 */
public final class ServerJars {
  private static final String DEPENDENCY_PLUGIN_VERSION = "3.8.1";
  private static final int ATTEMPTS = 3;

  private ServerJars() {}

  /** One Maven coordinate {@code groupId:artifactId:version}. */
  public record Artifact(String groupId, String artifactId, String version) {
    public Artifact {
      Objects.requireNonNull(groupId, "groupId");
      Objects.requireNonNull(artifactId, "artifactId");
      Objects.requireNonNull(version, "version");
    }

    /** Parses {@code groupId:artifactId:version}. */
    public static Artifact parse(String coordinate) {
      String[] parts = coordinate.split(":");
      if (parts.length != 3) {
        throw new IllegalArgumentException("expected groupId:artifactId:version, got " + coordinate);
      }
      return new Artifact(parts[0], parts[1], parts[2]);
    }

    String xml() {
      return "    <dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
          + "</artifactId><version>" + version + "</version></dependency>\n";
    }
  }

  /** The testkit's cache root. */
  public static Path home() {
    String env = System.getenv("SPOOR_TESTKIT_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "spoor-testkit");
  }

  /**
   * The folder holding every runtime jar of {@code artifacts} (with their transitive dependencies),
   * downloading them on first use. {@code key} names the set (for example {@code kafka-4.4.0}); change
   * it when the set changes.
   */
  public static Path resolve(String key, List<Artifact> artifacts) {
    Path dir = home().resolve("jars").resolve(key);
    if (Files.exists(dir.resolve(".complete"))) {
      return dir;
    }
    try {
      Files.createDirectories(dir.getParent());
      Path lockFile = dir.getParent().resolve(".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        if (Files.exists(dir.resolve(".complete"))) {
          return dir;
        }
        download(key, artifacts, dir);
        return dir;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not fetch the jars of " + key + " into " + dir, e);
    }
  }

  /** The class path for a forked JVM: every jar of {@code dir}. */
  public static String classPath(Path dir) {
    return dir.toAbsolutePath() + "/*";
  }

  private static void download(String key, List<Artifact> artifacts, Path dir) throws IOException {
    Path work = Files.createTempDirectory(dir.getParent(), ".fetch-" + key + "-");
    try {
      StringBuilder deps = new StringBuilder();
      artifacts.forEach(a -> deps.append(a.xml()));
      String pom = """
          <?xml version="1.0" encoding="UTF-8"?>
          <project>
            <modelVersion>4.0.0</modelVersion>
            <groupId>io.spoor.testkit</groupId>
            <artifactId>server-jars</artifactId>
            <version>1</version>
            <packaging>pom</packaging>
            <dependencies>
          %s  </dependencies>
          </project>
          """.formatted(deps);
      Files.writeString(work.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
      Path jars = work.resolve("jars");
      Path log = work.resolve("mvn.log");
      IOException last = null;
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        List<String> command = new ArrayList<>(mavenCommand());
        command.addAll(List.of("-q", "-B"));
        if (attempt > 1) {
          command.add("-U"); // a transient 404 gets cached otherwise
        }
        command.addAll(List.of("-f", work.resolve("pom.xml").toString(),
            "org.apache.maven.plugins:maven-dependency-plugin:" + DEPENDENCY_PLUGIN_VERSION
                + ":copy-dependencies",
            "-DincludeScope=runtime", "-DoutputDirectory=" + jars));
        Process process = new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        try {
          if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            last = new IOException("Maven did not finish in 15 minutes fetching " + key);
            continue;
          }
        } catch (InterruptedException e) {
          process.destroyForcibly();
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while fetching " + key, e);
        }
        if (process.exitValue() == 0) {
          deleteRecursively(dir);
          Files.move(jars, dir);
          Files.writeString(dir.resolve(".pom.xml"), pom, StandardCharsets.UTF_8);
          Files.createFile(dir.resolve(".complete"));
          return;
        }
        last = new IOException("Maven failed (exit " + process.exitValue() + ") fetching " + key
            + ":\n" + ForkedServer.tail(log, 30));
        try {
          Thread.sleep(2000L * attempt);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while fetching " + key, e);
        }
      }
      throw last;
    } finally {
      deleteRecursively(work);
    }
  }

  /**
   * The project's Maven wrapper when the tests run inside the project (found from the working directory
   * upwards), else {@code $SPOOR_MVN}, else {@code mvn} from the PATH.
   */
  static List<String> mavenCommand() {
    String override = System.getenv("SPOOR_MVN");
    if (override != null && !override.isBlank()) {
      return List.of(override);
    }
    String root = System.getProperty("maven.multiModuleProjectDirectory");
    List<Path> candidates = new ArrayList<>();
    if (root != null) {
      candidates.add(Path.of(root));
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      candidates.add(p);
    }
    for (Path p : candidates) {
      Path wrapper = p.resolve("mvnw");
      if (Files.isExecutable(wrapper) && Files.isDirectory(p.resolve(".mvn"))) {
        return List.of(wrapper.toString());
      }
    }
    return List.of("mvn");
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
