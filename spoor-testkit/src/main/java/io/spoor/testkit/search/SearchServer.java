package io.spoor.testkit.search;

import io.spoor.testkit.ForkedServer;
import io.spoor.testkit.Ports;
import io.spoor.testkit.ServerJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One single-node OpenSearch or Elasticsearch cluster in a forked JVM on 127.0.0.1: free HTTP and
 * transport ports, its own data folder, plain HTTP without security. Ready once {@code
 * _cluster/health} is yellow or green (new indices default to one replica, which a single node never
 * assigns, hence yellow).
 *
 * <p>{@link #stop()} closes the node gracefully, {@link #kill()} is a crash, {@link #start()} starts it
 * again on the same data and ports.
 */
public final class SearchServer implements AutoCloseable {
  private static final Pattern HEALTHY = Pattern.compile("\"status\"\\s*:\\s*\"(green|yellow)\"");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final SearchEngine engine;
  private final int httpPort;
  private final ForkedServer process;

  private SearchServer(SearchEngine engine, int httpPort, ForkedServer process) {
    this.engine = engine;
    this.httpPort = httpPort;
    this.process = process;
  }

  /**
   * Fetches the engine's jars (once), compiles the launcher (once) and describes a node in {@code
   * workDir} with an empty data folder; {@link #start()} runs it.
   *
   * @param heap the JVM heap, for example {@code 512m}
   */
  public static SearchServer create(SearchEngine engine, Path workDir, String heap) {
    Objects.requireNonNull(engine, "engine");
    Path jars = ServerJars.resolve(engine.jarsKey(), engine.artifacts());
    Path launcher = NodeLauncherSource.compile(engine, jars);
    Path dir = workDir.toAbsolutePath();
    int httpPort = Ports.free();
    int transportPort = Ports.free();
    try {
      deleteRecursively(dir.resolve("data")); // a new node starts empty; restarts keep the data
      Files.createDirectories(dir.resolve("home/config"));
      Files.createDirectories(dir.resolve("data"));
      Files.createDirectories(dir.resolve("logs"));
      Files.createDirectories(dir.resolve("tmp"));
      Files.writeString(dir.resolve("log4j2.properties"), """
          status = error
          appender.console.type = Console
          appender.console.name = console
          appender.console.layout.type = PatternLayout
          appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] %marker%m%n
          rootLogger.level = warn
          rootLogger.appenderRef.console.ref = console
          logger.node.name = PKG.node.Node
          logger.node.level = info
          logger.deprecation.name = PKG.deprecation
          logger.deprecation.level = error
          """.replace("PKG", engine.rootPackage()));
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare " + dir, e);
    }
    String prefix = engine.propertyPrefix();
    ForkedServer process = ForkedServer.builder(engine.id(), dir)
        .classPath(launcher + java.io.File.pathSeparator + ServerJars.classPath(jars))
        .mainClass(NodeLauncherSource.CLASS_NAME)
        .jvmOptions("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-Xss1m",
            "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
            "-Djna.nosys=true", "-Djava.io.tmpdir=" + dir.resolve("tmp"),
            "-Dio.netty.noUnsafe=true", "-Dio.netty.noKeySetOptimization=true",
            "-Dio.netty.recycler.maxCapacityPerThread=0", "-Dlog4j.shutdownHookEnabled=false",
            "-Dlog4j2.disable.jmx=true", "-Dlog4j2.formatMsgNoLookups=true",
            "-Dlog4j.configurationFile=" + dir.resolve("log4j2.properties"),
            "-D" + prefix + ".set.netty.runtime.available.processors=false")
        .arguments("cluster.name=spoor-test", "node.name=node-1",
            "path.home=" + dir.resolve("home"), "path.data=" + dir.resolve("data"),
            "path.logs=" + dir.resolve("logs"),
            "network.host=127.0.0.1", "http.port=" + httpPort, "transport.port=" + transportPort,
            "discovery.type=single-node",
            "cluster.routing.allocation.disk.threshold_enabled=false",
            "action.auto_create_index=true",
            "action.destructive_requires_name=false",
            "node.processors=2",
            "indices.query.bool.max_clause_count=4096")
        .readyWhen(() -> isHealthy(httpPort))
        .startTimeout(Duration.ofSeconds(180))
        .build();
    return new SearchServer(engine, httpPort, process);
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** {@link #create} and {@link #start()}. */
  public static SearchServer start(SearchEngine engine, Path workDir, String heap) {
    return create(engine, workDir, heap).start();
  }

  public SearchEngine engine() {
    return engine;
  }

  public int httpPort() {
    return httpPort;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + httpPort;
  }

  /** The forked JVM, for its log and pid. */
  public ForkedServer process() {
    return process;
  }

  public SearchServer start() {
    process.start();
    return this;
  }

  /** Closes the node (SIGTERM) and waits for the JVM to exit. */
  public void stop() {
    process.stop(Duration.ofSeconds(60));
  }

  /** SIGKILL, as in a crash. */
  public void kill() {
    process.kill();
  }

  public SearchServer restart() {
    stop();
    return start();
  }

  public boolean isHealthy() {
    return isHealthy(httpPort);
  }

  private static boolean isHealthy(int port) {
    try {
      HttpResponse<String> response = HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_cluster/health"))
              .timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && HEALTHY.matcher(response.body()).find();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return engine.id() + " " + engine.version() + " at " + url();
  }
}
