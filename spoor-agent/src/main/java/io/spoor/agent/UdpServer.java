package io.spoor.agent;

import io.spoor.codec.DecodeException;
import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import io.spoor.model.Span;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP endpoint: a reader thread copies each datagram into a bounded queue and never blocks on
 * anything else; workers decode the {@code emitBatch} messages and hand the spans on. A datagram that
 * is too large, does not fit in the queue or does not decode is dropped and counted by reason, and
 * never stops the endpoint.
 */
final class UdpServer implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(UdpServer.class);
  private static final byte[] STOP = new byte[0];

  private final UdpServerConfig config;
  private final ThriftProtocol protocol;
  private final String name;
  private final JaegerThriftCodec codec;
  private final Consumer<List<Span>> sink;
  private final AgentMetrics.Udp metrics;
  private final BlockingQueue<byte[]> packets;
  private final List<Thread> threads = new ArrayList<>();
  private @Nullable DatagramChannel channel;
  private volatile boolean closed;

  UdpServer(UdpServerConfig config, ThriftProtocol protocol, Consumer<List<Span>> sink, AgentMetrics metrics) {
    this.config = config;
    this.protocol = protocol;
    this.name = protocol.name().toLowerCase(Locale.ROOT);
    this.codec = new JaegerThriftCodec(config.maxPacketSize(), config.maxPacketSize(), config.maxPacketSize());
    this.sink = sink;
    this.metrics = metrics.udp(name);
    this.packets = new ArrayBlockingQueue<>(config.queueSize());
  }

  /** Binds the socket and starts the reader and the workers. */
  synchronized void start() throws IOException {
    DatagramChannel ch = DatagramChannel.open();
    try {
      if (config.socketBufferBytes() > 0) {
        ch.setOption(StandardSocketOptions.SO_RCVBUF, config.socketBufferBytes());
      }
      ch.bind(config.address().toSocketAddress());
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    channel = ch;
    Thread reader = new Thread(this::read, "spoor-agent-udp-" + name);
    threads.add(reader);
    for (int i = 0; i < config.workers(); i++) {
      threads.add(new Thread(this::work, "spoor-agent-" + name + "-" + i));
    }
    threads.forEach(t -> {
      t.setDaemon(true);
      t.start();
    });
  }

  int port() {
    DatagramChannel ch = channel;
    if (ch == null) {
      throw new IllegalStateException("UDP " + name + " is not listening");
    }
    try {
      return ((InetSocketAddress) ch.getLocalAddress()).getPort();
    } catch (IOException e) {
      throw new IllegalStateException("UDP " + name + " is not listening", e);
    }
  }

  private void read() {
    DatagramChannel ch = java.util.Objects.requireNonNull(channel, "channel");
    // One byte more than allowed, so a datagram over the limit is seen (the rest is discarded).
    ByteBuffer buffer = ByteBuffer.allocate(config.maxPacketSize() + 1);
    while (!closed) {
      buffer.clear();
      try {
        if (ch.receive(buffer) == null) {
          continue;
        }
      } catch (ClosedChannelException e) {
        return;
      } catch (IOException e) {
        if (!closed) {
          logger.warn("UDP {}: receive failed: {}", name, e.toString());
        }
        continue;
      }
      metrics.received().increment();
      buffer.flip();
      if (buffer.remaining() > config.maxPacketSize()) {
        metrics.tooLarge().increment();
        continue;
      }
      byte[] packet = Arrays.copyOf(buffer.array(), buffer.remaining());
      if (!packets.offer(packet)) {
        metrics.queueFull().increment();
      }
    }
  }

  private void work() {
    while (true) {
      byte[] packet;
      try {
        packet = packets.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (packet == STOP) {
        return;
      }
      List<Span> spans;
      try {
        spans = codec.decodeAgentMessage(packet, protocol);
      } catch (DecodeException e) {
        metrics.malformed().increment();
        logger.debug("UDP {}: dropped a datagram of {} bytes: {}", name, packet.length, e.getMessage());
        continue;
      } catch (RuntimeException e) {
        metrics.malformed().increment();
        logger.warn("UDP {}: dropped a datagram of {} bytes: {}", name, packet.length, e.toString());
        continue;
      }
      metrics.spans().increment(spans.size());
      if (!spans.isEmpty()) {
        sink.accept(spans);
      }
    }
  }

  /** Closes the socket, lets the workers finish what is queued, and waits for the threads. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    DatagramChannel ch = channel;
    if (ch == null) {
      return;
    }
    try {
      ch.close();
    } catch (IOException e) {
      logger.debug("UDP {}: close failed: {}", name, e.toString());
    }
    for (int i = 1; i < threads.size(); i++) {
      try {
        // After the queued datagrams: the workers drain them first.
        packets.put(STOP);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Thread t : threads) {
      try {
        t.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
