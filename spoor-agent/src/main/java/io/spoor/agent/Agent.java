package io.spoor.agent;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running agent: UDP receivers for Jaeger clients' {@code emitBatch} datagrams, a reporter that
 * forwards the batches to the collectors over gRPC, and the HTTP sampling endpoints. All-in-one
 * starts one in-process with an {@link AgentConfig}.
 *
 * <p>The constructor does no I/O. {@link #start()} connects nothing (the gRPC channels connect on
 * first use, so the agent starts while the collectors are down) and binds every enabled endpoint;
 * {@link #close()} closes the endpoints first, then gives queued batches a last chance to go out, then
 * closes the channels. It is idempotent and frees only what the agent created.
 */
public final class Agent implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Agent.class);
  /** The largest answer read from a collector; sampling strategies are small. */
  private static final int MAX_INBOUND_MESSAGE_BYTES = 4 << 20;

  private final AgentConfig config;
  private final AgentMetrics metrics;
  private final Map<ThriftProtocol, UdpServer> udp = new EnumMap<>(ThriftProtocol.class);
  private @Nullable CollectorChannels channels;
  private @Nullable GrpcReporter reporter;
  private @Nullable Server http;
  private boolean started;
  private boolean closed;

  public Agent(AgentConfig config, MeterRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = new AgentMetrics(Objects.requireNonNull(registry, "registry"));
  }

  /**
   * Creates the collector channels and binds every enabled endpoint.
   *
   * @throws IllegalStateException when a port cannot be bound (the message names the flag); whatever
   *     was started is closed again
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    CollectorChannels ch = new CollectorChannels(config.reporter().collectors(), MAX_INBOUND_MESSAGE_BYTES);
    channels = ch;
    GrpcReporter r = new GrpcReporter(config.reporter(), ch, config.agentTags(), metrics);
    reporter = r;
    r.start();
    try {
      startUdp(ThriftProtocol.COMPACT, config.compact(), "processor.jaeger-compact.server-host-port");
      startUdp(ThriftProtocol.BINARY, config.binary(), "processor.jaeger-binary.server-host-port");
      Address httpAddress = config.httpServer();
      if (httpAddress != null) {
        ServerBuilder sb = Server.builder().http(httpAddress.toSocketAddress());
        new SamplingProxy(ch, config.reporter().timeout(), metrics).addTo(sb);
        Server server = sb.build();
        try {
          server.start().join();
        } catch (RuntimeException e) {
          throw new IllegalStateException("cannot listen on " + httpAddress + " for --http-server.host-port: "
              + rootMessage(e), e);
        }
        http = server;
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    logger.info("Agent listening: {}; reporting to {}", describe(), ch.describe());
  }

  private void startUdp(ThriftProtocol protocol, @Nullable UdpServerConfig udpConfig, String flag) {
    if (udpConfig == null) {
      return;
    }
    GrpcReporter r = Objects.requireNonNull(reporter, "reporter");
    UdpServer server = new UdpServer(udpConfig, protocol, r::report, metrics);
    try {
      server.start();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw new IllegalStateException("cannot listen on " + udpConfig.address() + "/udp for --" + flag + ": "
          + rootMessage(e), e);
    }
    udp.put(protocol, server);
  }

  /** The UDP port of the compact or binary endpoint (useful when configured as port 0). */
  public synchronized int udpPort(ThriftProtocol protocol) {
    UdpServer server = udp.get(protocol);
    if (server == null) {
      throw new IllegalStateException("UDP " + protocol + " is not listening");
    }
    return server.port();
  }

  /** The port of the HTTP sampling endpoint. */
  public synchronized int httpPort() {
    Server server = http;
    if (server == null) {
      throw new IllegalStateException("the HTTP server is not listening");
    }
    return server.activeLocalPort();
  }

  /** {@code compact=:6831/udp, binary=:6832/udp, http=:5778} for the start-up line. */
  public synchronized String describe() {
    List<String> parts = new ArrayList<>();
    udp.forEach((protocol, server) -> {
      UdpServerConfig c = protocol == ThriftProtocol.COMPACT ? config.compact() : config.binary();
      parts.add(protocol.name().toLowerCase(java.util.Locale.ROOT) + "="
          + new Address(Objects.requireNonNull(c).address().host(), server.port()) + "/udp");
    });
    Server server = http;
    Address httpAddress = config.httpServer();
    if (server != null && httpAddress != null) {
      parts.add("http=" + new Address(httpAddress.host(), server.activeLocalPort()));
    }
    return String.join(", ", parts);
  }

  /** Closes the endpoints, flushes the reporter within its timeout, and closes the channels. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    Server server = http;
    if (server != null) {
      server.stop().join();
    }
    udp.values().forEach(UdpServer::close);
    if (reporter != null) {
      reporter.close();
    }
    if (channels != null) {
      channels.close();
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
