package io.spoor.testkit.cassandra;

import io.spoor.testkit.ForkedServer;
import io.spoor.testkit.Ports;
import io.spoor.testkit.ServerJars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real single-node Apache Cassandra 5.0 ({@code org.apache.cassandra:cassandra-all}) run as {@code
 * CassandraDaemon} in a forked JDK 17 JVM with the jamm agent and the jvm17 {@code --add-opens}: one
 * token, SimpleSnitch (datacenter {@code datacenter1}), free CQL and storage ports on 127.0.0.1, its own
 * data folder, a small heap, PasswordAuthenticator, and TLS optional on the CQL port (a self-signed
 * certificate, {@link #tlsCertificate()}). Ready when the CQL port accepts connections (Cassandra opens
 * it last) and the default superuser exists.
 *
 * <p>Tuned for tests: no snapshot before TRUNCATE/DROP ({@code auto_snapshot: false}), small memtables
 * and caches, no gossip settle wait, periodic commit log. (Not {@code -Dcassandra.unsafesystem}: it
 * would lose schema changes on {@link #kill()}.)
 * Data survives {@link #stop()} and {@link #kill()}; {@link #start()} brings the node back on the same
 * ports and data.
 */
public final class CassandraServer implements AutoCloseable {
  /** The Cassandra release the tests run against. */
  public static final String VERSION = "5.0.9";
  /** SimpleSnitch puts the node in this datacenter. */
  public static final String DATACENTER = "datacenter1";
  private static final String KEYSTORE_PASSWORD = "spoor-test";

  private final Path home;
  private final int cqlPort;
  private final int storagePort;
  private final ForkedServer server;
  private volatile boolean superuserCreated;

  private CassandraServer(Path home, String heap) {
    this.home = home.toAbsolutePath();
    this.cqlPort = Ports.free();
    int storage = Ports.free();
    while (storage == cqlPort) {
      storage = Ports.free();
    }
    this.storagePort = storage;
    Path jars = ServerJars.resolve("cassandra-" + VERSION,
        List.of(new ServerJars.Artifact("org.apache.cassandra", "cassandra-all", VERSION)));
    Path jamm;
    try (Stream<Path> list = Files.list(jars)) {
      jamm = list.filter(p -> p.getFileName().toString().startsWith("jamm-")).findFirst()
          .orElseThrow(() -> new IllegalStateException("no jamm jar in " + jars));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    writeConfig();
    List<String> jvm = new ArrayList<>(List.of(
        "-Xms" + heap, "-Xmx" + heap, "-Xss256k",
        "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=200", "-XX:+ExitOnOutOfMemoryError",
        "-XX:MaxDirectMemorySize=256m", "-XX:TieredStopAtLevel=1",
        "-javaagent:" + jamm,
        "-Djdk.attach.allowAttachSelf=true", "-Djava.net.preferIPv4Stack=true",
        "-Dio.netty.tryReflectionSetAccessible=true"));
    for (String export : List.of("java.base/jdk.internal.misc", "java.base/jdk.internal.ref",
        "java.base/sun.nio.ch", "java.management.rmi/com.sun.jmx.remote.internal.rmi",
        "java.rmi/sun.rmi.registry", "java.rmi/sun.rmi.server", "java.sql/java.sql",
        "java.base/java.lang.ref", "jdk.unsupported/sun.misc")) {
      jvm.add("--add-exports");
      jvm.add(export + "=ALL-UNNAMED");
    }
    for (String open : List.of("java.base/java.lang.module", "java.base/jdk.internal.loader",
        "java.base/jdk.internal.ref", "java.base/jdk.internal.reflect", "java.base/jdk.internal.math",
        "java.base/jdk.internal.module", "java.base/jdk.internal.util.jar",
        "jdk.management/com.sun.management.internal", "java.base/sun.nio.ch", "java.base/java.io",
        "java.base/java.nio", "java.base/java.util.concurrent", "java.base/java.util",
        "java.base/java.util.concurrent.atomic", "java.base/java.lang", "java.base/java.math",
        "java.base/java.lang.reflect", "java.base/java.net")) {
      jvm.add("--add-opens");
      jvm.add(open + "=ALL-UNNAMED");
    }
    jvm.addAll(List.of(
        "-Dcassandra.config=file://" + this.home.resolve("cassandra.yaml"),
        "-Dcassandra.storagedir=" + this.home.resolve("data"),
        "-Dcassandra.logdir=" + this.home,
        "-Dcassandra-foreground=yes",
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Dcassandra.ring_delay_ms=0",
        "-Dcassandra.superuser_setup_delay_ms=0",
        "-Dcassandra.load_ring_state=true",
        "-Dlogback.configurationFile=" + this.home.resolve("logback.xml")));
    this.server = ForkedServer.builder("cassandra", this.home)
        .classPath(ServerJars.classPath(jars))
        .mainClass("org.apache.cassandra.service.CassandraDaemon")
        .jvmOptions(jvm)
        .readyWhen(this::ready)
        .startTimeout(Duration.ofSeconds(180))
        .build();
  }

  /**
   * A node (not started) in {@code home}, emptied first so every run starts from nothing. {@code heap}
   * is a JVM size such as {@code 768m}.
   */
  public static CassandraServer create(Path home, String heap) {
    try {
      deleteRecursively(home);
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + home, e);
    }
    return new CassandraServer(home, heap);
  }

  /**
   * CQL port open, and on the first start the default superuser created (PasswordAuthenticator creates
   * it just after opening the port; a login before that fails).
   */
  private boolean ready() {
    if (!Ports.isOpen(cqlPort)) {
      return false;
    }
    if (!superuserCreated && server.logContains("Created default superuser role")) {
      superuserCreated = true;
    }
    return superuserCreated;
  }

  /** Forks the node and waits until it takes CQL connections; no-op when it runs. */
  public CassandraServer start() {
    server.start();
    return this;
  }

  /** Graceful stop (SIGTERM: Cassandra drains); the data stays for the next {@link #start()}. */
  public void stop() {
    server.stop(Duration.ofSeconds(60));
  }

  /** SIGKILL, as in a crash; the commit log replays on the next {@link #start()}. */
  public void kill() {
    server.kill();
  }

  /** Stop and start on the same ports and data. */
  public void restart() {
    stop();
    start();
  }

  public boolean isRunning() {
    return server.isAlive() && Ports.isOpen(cqlPort);
  }

  public String host() {
    return "127.0.0.1";
  }

  public int cqlPort() {
    return cqlPort;
  }

  public int storagePort() {
    return storagePort;
  }

  public InetSocketAddress contactPoint() {
    return new InetSocketAddress(host(), cqlPort);
  }

  /**
   * PEM of the node's self-signed certificate (subject {@code localhost}, SAN {@code 127.0.0.1}): the
   * CQL port also takes TLS connections, and this is the CA to trust for them.
   */
  public Path tlsCertificate() {
    return home.resolve("node-certificate.pem");
  }

  /** The node runs PasswordAuthenticator with Cassandra's default superuser. */
  public String username() {
    return "cassandra";
  }

  public String password() {
    return "cassandra";
  }

  public String datacenter() {
    return DATACENTER;
  }

  /** The folder of config, data and the node's log ({@code cassandra.log}). */
  public Path home() {
    return home;
  }

  public Path log() {
    return server.log();
  }

  @Override
  public void close() {
    server.close();
  }

  private void writeConfig() {
    Path data = home.resolve("data");
    try {
      createCertificate();
      for (String d : List.of("data", "commitlog", "saved_caches", "hints", "cdc_raw")) {
        Files.createDirectories(data.resolve(d));
      }
      String yaml = String.join("\n",
          "cluster_name: spoor-test",
          "num_tokens: 1",
          "initial_token: 0",
          "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
          "data_file_directories: [ \"" + data.resolve("data") + "\" ]",
          "commitlog_directory: \"" + data.resolve("commitlog") + "\"",
          "saved_caches_directory: \"" + data.resolve("saved_caches") + "\"",
          "hints_directory: \"" + data.resolve("hints") + "\"",
          "cdc_raw_directory: \"" + data.resolve("cdc_raw") + "\"",
          "commitlog_sync: periodic",
          "commitlog_sync_period: 10000ms",
          "commitlog_segment_size: 8MiB",
          "seed_provider:",
          "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
          "    parameters:",
          "      - seeds: \"127.0.0.1:" + storagePort + "\"",
          "listen_address: 127.0.0.1",
          "rpc_address: 127.0.0.1",
          "storage_port: " + storagePort,
          "native_transport_port: " + cqlPort,
          "start_native_transport: true",
          "endpoint_snitch: SimpleSnitch",
          "authenticator: PasswordAuthenticator",
          "authorizer: AllowAllAuthorizer",
          "memtable_heap_space: 64MiB",
          "memtable_offheap_space: 64MiB",
          "file_cache_size: 64MiB",
          "networking_cache_size: 32MiB",
          "key_cache_size: 16MiB",
          "counter_cache_size: 8MiB",
          "concurrent_reads: 8",
          "concurrent_writes: 16",
          "concurrent_counter_writes: 8",
          "concurrent_compactors: 1",
          "auto_snapshot: false",
          "snapshot_before_compaction: false",
          "dynamic_snitch: false",
          // TLS on the same port as plain CQL: clients may use either.
          "client_encryption_options:",
          "  enabled: true",
          "  optional: true",
          "  keystore: \"" + home.resolve("node-keystore.p12") + "\"",
          "  keystore_password: " + KEYSTORE_PASSWORD,
          "  store_type: PKCS12",
          "")
          ;
      Files.writeString(home.resolve("cassandra.yaml"), yaml, StandardCharsets.UTF_8);
      Files.writeString(home.resolve("logback.xml"), """
          <configuration>
            <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
              <encoder><pattern>%-5level [%thread] %date{ISO8601} %F:%L - %msg%n</pattern></encoder>
            </appender>
            <root level="INFO"><appender-ref ref="OUT"/></root>
          </configuration>
          """, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the config of " + home, e);
    }
  }

  /**
   * A self-signed certificate for {@code localhost} and {@code 127.0.0.1} in the node's keystore, and
   * the same certificate as PEM for clients ({@link #tlsCertificate()}), made with the JDK's keytool.
   */
  private void createCertificate() throws IOException {
    Path keystore = home.resolve("node-keystore.p12");
    if (Files.exists(tlsCertificate())) {
      return;
    }
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(List.of(keytool, "-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "3650",
        "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD));
    run(List.of(keytool, "-exportcert", "-rfc", "-alias", "node", "-keystore", keystore.toString(),
        "-storepass", KEYSTORE_PASSWORD, "-file", tlsCertificate().toString()));
  }

  private void run(List<String> command) throws IOException {
    Path out = home.resolve("keytool.log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    try {
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("keytool failed: " + String.join(" ", command) + "\n" + ForkedServer.tail(out, 20));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted running keytool", e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
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
