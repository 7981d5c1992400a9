package io.spoor.testkit.kafka;

import io.spoor.testkit.ForkedServer;
import io.spoor.testkit.Ports;
import io.spoor.testkit.ServerJars;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker ({@code kafka_2.13}, KRaft, one process that is both broker and
 * controller, node id 1) as a forked JVM on two free loopback ports, with its own data folder.
 * The storage is formatted on the first start; {@link #stop()}, {@link #kill()} and {@link #start()}
 * keep the ports and the data, so a test can take the broker away and bring it back.
 *
 * <p>Topics are created on first use with {@code num.partitions} partitions (default 1); tests that
 * need more create them with the admin client.
 */
public final class KafkaBroker implements AutoCloseable {
  /** The broker's version; its jars are fetched once by {@link ServerJars}. */
  public static final String VERSION = "4.4.0";

  static final List<ServerJars.Artifact> ARTIFACTS = List.of(
      new ServerJars.Artifact("org.apache.kafka", "kafka_2.13", VERSION),
      new ServerJars.Artifact("org.slf4j", "slf4j-api", "2.0.17"),
      new ServerJars.Artifact("org.apache.logging.log4j", "log4j-slf4j2-impl", "2.24.3"),
      new ServerJars.Artifact("org.apache.logging.log4j", "log4j-core", "2.24.3"));

  private static final String READY_LINE = "Kafka Server started";

  private final Path dataDir;
  private final int port;
  private final int controllerPort;
  private final String classPath;
  private final ForkedServer server;

  private KafkaBroker(Path dataDir, int partitions, String heap) {
    this.dataDir = dataDir.toAbsolutePath();
    this.port = Ports.free();
    int controller = Ports.free();
    while (controller == port) {
      controller = Ports.free();
    }
    this.controllerPort = controller;
    this.classPath = ServerJars.classPath(ServerJars.resolve("kafka-" + VERSION, ARTIFACTS));
    writeConfig(partitions);
    this.server = ForkedServer.builder("kafka", this.dataDir)
        .classPath(classPath)
        .mainClass("kafka.Kafka")
        .jvmOptions(jvmOptions(heap))
        .arguments(this.dataDir.resolve("server.properties").toString())
        .readyWhen(() -> Ports.isOpen(port) && server().logContains(READY_LINE))
        .startTimeout(Duration.ofSeconds(120))
        .build();
  }

  /** A broker on {@code dataDir} (created, formatted and started), topics with one partition by default. */
  public static KafkaBroker start(Path dataDir) {
    return start(dataDir, 1);
  }

  /** A started broker whose auto-created topics get {@code partitions} partitions. */
  public static KafkaBroker start(Path dataDir, int partitions) {
    KafkaBroker broker = new KafkaBroker(dataDir, partitions, "384m");
    broker.format();
    broker.start();
    return broker;
  }

  private ForkedServer server() {
    return server;
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** The broker's log of this run. */
  public Path log() {
    return server.log();
  }

  public boolean isRunning() {
    return server.isAlive();
  }

  /** Starts the broker (if it is not running) and waits until it serves clients. */
  public KafkaBroker start() {
    server.start();
    return this;
  }

  /** Graceful stop (SIGTERM: controlled shutdown); {@link #start()} brings it back with its data. */
  public void stop() {
    server.stop(Duration.ofSeconds(60));
  }

  /** SIGKILL; {@link #start()} brings it back (it waits out the dead incarnation's 3 s session). */
  public void kill() {
    server.kill();
  }

  @Override
  public void close() {
    server.close();
  }

  private List<String> jvmOptions(String heap) {
    Path log4j = dataDir.resolve("log4j2.properties");
    return List.of("-Xms" + heap, "-Xmx" + heap, "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
        "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-Dlog4j2.configurationFile=" + log4j, "-Dlog4j.configurationFile=" + log4j,
        "-Dkafka.logs.dir=" + dataDir);
  }

  private void writeConfig(int partitions) {
    String props = """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%2$d
        listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
        advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
        log.dirs=%3$s
        num.partitions=%4$d
        default.replication.factor=1
        min.insync.replicas=1
        auto.create.topics.enable=true
        delete.topic.enable=true
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        share.coordinator.state.topic.replication.factor=1
        share.coordinator.state.topic.min.isr=1
        group.initial.rebalance.delay.ms=0
        broker.session.timeout.ms=3000
        broker.heartbeat.interval.ms=1000
        log.retention.hours=24
        log.segment.bytes=67108864
        num.network.threads=2
        num.io.threads=2
        """.formatted(port, controllerPort, dataDir.resolve("kafka-logs"), partitions);
    String log4j = """
        status = warn
        appender.out.type = Console
        appender.out.name = OUT
        appender.out.layout.type = PatternLayout
        appender.out.layout.pattern = [%d] %p %m (%c)%n
        rootLogger.level = INFO
        rootLogger.appenderRef.out.ref = OUT
        logger.kafka.name = kafka
        logger.kafka.level = INFO
        logger.state.name = state.change.logger
        logger.state.level = WARN
        logger.request.name = kafka.request.logger
        logger.request.level = WARN
        """;
    try {
      Files.createDirectories(dataDir.resolve("kafka-logs"));
      Files.writeString(dataDir.resolve("server.properties"), props, StandardCharsets.UTF_8);
      Files.writeString(dataDir.resolve("log4j2.properties"), log4j, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Kafka configuration into " + dataDir, e);
    }
  }

  /** Formats the storage once (KRaft needs a cluster id in {@code meta.properties}). */
  private void format() {
    if (Files.exists(dataDir.resolve("kafka-logs").resolve("meta.properties"))) {
      return;
    }
    // A base64url id may start with '-', which the tool's argument parser takes for an option (as
    // Kafka's own Uuid.randomUuid does, draw again).
    String clusterId;
    do {
      UUID uuid = UUID.randomUUID();
      byte[] bytes = java.nio.ByteBuffer.allocate(16)
          .putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits()).array();
      clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    } while (clusterId.startsWith("-"));
    Path formatLog = dataDir.resolve("format.log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions("256m"));
    cmd.addAll(List.of("-cp", classPath, "kafka.tools.StorageTool", "format", "-t", clusterId,
        "-c", dataDir.resolve("server.properties").toString(), "--ignore-formatted"));
    try {
      java.lang.Process p = new ProcessBuilder(cmd)
          .directory(dataDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(formatLog.toFile()))
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("Kafka storage format did not finish in 120 s; log "
            + formatLog + ":\n" + ForkedServer.tail(formatLog, 30));
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException("Kafka storage format failed (exit " + p.exitValue() + "); log "
            + formatLog + ":\n" + ForkedServer.tail(formatLog, 30));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run the Kafka storage format", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while formatting Kafka storage", e);
    }
  }
}
