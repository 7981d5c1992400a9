package io.spoor.server;

import io.spoor.agent.Address;
import io.spoor.agent.AgentConfig;
import io.spoor.agent.ReporterConfig;
import io.spoor.agent.UdpServerConfig;
import io.spoor.storage.GoDuration;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The agent's flags (Jaeger's names), shared by {@code spoor agent} and {@code spoor all-in-one}; the
 * collectors to report to are given by the command.
 */
final class AgentOptions {
  private static final String COMPACT = "processor.jaeger-compact.";
  private static final String BINARY = "processor.jaeger-binary.";

  @Option(names = "--processor.jaeger-compact.server-host-port", paramLabel = "<host:port>", defaultValue = ":6831",
      description = "UDP for Thrift compact emitBatch (empty disables). Default: ${DEFAULT-VALUE}.")
  String compactHostPort = ":6831";

  @Option(names = "--processor.jaeger-compact.server-max-packet-size", paramLabel = "<bytes>", defaultValue = "65000",
      description = "Largest datagram; larger ones are dropped and counted. Default: ${DEFAULT-VALUE}.")
  int compactMaxPacketSize = UdpServerConfig.DEFAULT_MAX_PACKET_SIZE;

  @Option(names = "--processor.jaeger-compact.server-queue-size", paramLabel = "<packets>", defaultValue = "1000",
      description = "Datagrams waiting to be decoded; when full they are dropped and counted. Default: ${DEFAULT-VALUE}.")
  int compactQueueSize = UdpServerConfig.DEFAULT_QUEUE_SIZE;

  @Option(names = "--processor.jaeger-compact.workers", paramLabel = "<n>", defaultValue = "10",
      description = "Threads decoding datagrams. Default: ${DEFAULT-VALUE}.")
  int compactWorkers = UdpServerConfig.DEFAULT_WORKERS;

  @Option(names = "--processor.jaeger-compact.server-socket-buffer-size", paramLabel = "<bytes>", defaultValue = "0",
      description = "UDP receive buffer; 0 keeps the OS default. Default: ${DEFAULT-VALUE}.")
  int compactSocketBuffer;

  @Option(names = "--processor.jaeger-binary.server-host-port", paramLabel = "<host:port>", defaultValue = ":6832",
      description = "UDP for Thrift binary emitBatch (empty disables). Default: ${DEFAULT-VALUE}.")
  String binaryHostPort = ":6832";

  @Option(names = "--processor.jaeger-binary.server-max-packet-size", paramLabel = "<bytes>", defaultValue = "65000",
      description = "Largest datagram; larger ones are dropped and counted. Default: ${DEFAULT-VALUE}.")
  int binaryMaxPacketSize = UdpServerConfig.DEFAULT_MAX_PACKET_SIZE;

  @Option(names = "--processor.jaeger-binary.server-queue-size", paramLabel = "<packets>", defaultValue = "1000",
      description = "Datagrams waiting to be decoded; when full they are dropped and counted. Default: ${DEFAULT-VALUE}.")
  int binaryQueueSize = UdpServerConfig.DEFAULT_QUEUE_SIZE;

  @Option(names = "--processor.jaeger-binary.workers", paramLabel = "<n>", defaultValue = "10",
      description = "Threads decoding datagrams. Default: ${DEFAULT-VALUE}.")
  int binaryWorkers = UdpServerConfig.DEFAULT_WORKERS;

  @Option(names = "--processor.jaeger-binary.server-socket-buffer-size", paramLabel = "<bytes>", defaultValue = "0",
      description = "UDP receive buffer; 0 keeps the OS default. Default: ${DEFAULT-VALUE}.")
  int binarySocketBuffer;

  @Option(names = "--http-server.host-port", paramLabel = "<host:port>", defaultValue = ":5778",
      description = "HTTP sampling strategies for clients (empty disables). Default: ${DEFAULT-VALUE}.")
  String httpHostPort = ":5778";

  @Option(names = "--reporter.grpc.retry.max", paramLabel = "<n>", defaultValue = "3",
      description = "Retries of a failed send, on the next collector, before the batch is dropped. Default: ${DEFAULT-VALUE}.")
  int retries = ReporterConfig.DEFAULT_RETRIES;

  @Option(names = "--reporter.grpc.timeout", paramLabel = "<duration>", defaultValue = "5s",
      description = "Deadline of one send or sampling request. Default: ${DEFAULT-VALUE}.")
  String timeout = "5s";

  @Option(names = "--reporter.grpc.workers", paramLabel = "<n>", defaultValue = "2",
      description = "Threads sending batches to the collectors. Default: ${DEFAULT-VALUE}.")
  int senders = ReporterConfig.DEFAULT_SENDERS;

  @Option(names = "--reporter.queue-size", paramLabel = "<batches>", defaultValue = "1000",
      description = "Batches waiting to be sent; when full they are dropped and counted. Default: ${DEFAULT-VALUE}.")
  int queueSize = ReporterConfig.DEFAULT_QUEUE_SIZE;

  @Option(names = "--agent.tags", paramLabel = "<k=v,...>",
      description = "Tags added to the process of every span, e.g. zone=eu-1,rack=r7.")
  String tags = "";

  /** @throws IllegalArgumentException naming the flag, the value and what was expected */
  AgentConfig toConfig(List<Address> targets) {
    Duration deadline;
    try {
      deadline = GoDuration.parse(timeout);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--reporter.grpc.timeout: " + e.getMessage(), e);
    }
    ReporterConfig reporter = new ReporterConfig(targets, queueSize, retries, deadline,
        ReporterConfig.DEFAULT_INITIAL_BACKOFF, ReporterConfig.DEFAULT_MAX_BACKOFF, senders);
    return new AgentConfig(
        udp(COMPACT, compactHostPort, compactMaxPacketSize, compactQueueSize, compactWorkers, compactSocketBuffer),
        udp(BINARY, binaryHostPort, binaryMaxPacketSize, binaryQueueSize, binaryWorkers, binarySocketBuffer),
        Address.parseListen("http-server.host-port", httpHostPort).orElse(null),
        reporter, AgentConfig.parseTags(tags));
  }

  private static @Nullable UdpServerConfig udp(
      String prefix, String hostPort, int maxPacketSize, int queue, int workers, int socketBuffer) {
    Address address = Address.parseListen(prefix + "server-host-port", hostPort).orElse(null);
    if (address == null) {
      return null;
    }
    try {
      return new UdpServerConfig(address, maxPacketSize, queue, workers, socketBuffer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--" + prefix + e.getMessage(), e);
    }
  }
}
