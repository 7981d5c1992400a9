package io.spoor.client.reporter;

import static java.util.Objects.requireNonNull;

import io.spoor.client.ClientMetrics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Sends spans to a Jaeger agent as {@code emitBatch} messages in the Thrift compact protocol, one per UDP
 * datagram (the agent's port 6831). Batches are split so that no datagram exceeds the packet limit; a span
 * that alone exceeds it is dropped and counted. The socket is opened on the first send.
 */
public final class UdpSender extends ThriftSender {
  /** The agent's compact Thrift port. */
  public static final int DEFAULT_PORT = 6831;
  /** The default and largest datagram size: 65,000 bytes, below the IPv4 UDP payload limit. */
  public static final int MAX_PACKET_BYTES = 65_000;

  private final String host;
  private final int port;
  private @Nullable DatagramChannel channel;
  private int seqId;

  /** A sender with the largest packet size. */
  public UdpSender(String host, int port, ClientMetrics metrics) {
    this(host, port, MAX_PACKET_BYTES, metrics);
  }

  /**
   * A sender with a packet limit.
   *
   * @throws IllegalArgumentException when the port is outside 1..65535 or the limit outside 1024..65000
   */
  public UdpSender(String host, int port, int maxPacketBytes, ClientMetrics metrics) {
    super(ThriftOutput.compact(), checkPacket(maxPacketBytes), requireNonNull(metrics, "metrics"));
    this.host = requireNonNull(host, "host");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("agent port: " + port + " (expected: 1 to 65535)");
    }
    this.port = port;
  }

  private static int checkPacket(int bytes) {
    if (bytes < 1024 || bytes > MAX_PACKET_BYTES) {
      throw new IllegalArgumentException("max packet bytes: " + bytes + " (expected: 1024 to " + MAX_PACKET_BYTES + ")");
    }
    return bytes;
  }

  @Override
  void send(byte[] process, List<byte[]> spans) throws IOException {
    byte[] datagram = encoder.emitBatch(process, spans, ++seqId);
    if (channel == null) {
      InetSocketAddress target = new InetSocketAddress(host, port);
      if (target.isUnresolved()) {
        throw new IOException("agent host: " + host + " (expected: a resolvable host name)");
      }
      channel = DatagramChannel.open();
      channel.connect(target);
    }
    channel.write(ByteBuffer.wrap(datagram));
  }

  @Override
  void closeTransport() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
      channel = null;
    }
  }

  @Override
  public String toString() {
    return "UdpSender(" + host + ":" + port + ")";
  }
}
