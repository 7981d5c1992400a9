package io.spoor.agent;

import java.util.Objects;

/**
 * One UDP endpoint ({@code --processor.jaeger-compact.*} or {@code --processor.jaeger-binary.*}).
 *
 * @param address where to listen ({@code server-host-port})
 * @param maxPacketSize the largest datagram taken, in bytes; larger ones are dropped and counted as
 *     {@code too_large} ({@code server-max-packet-size}, 65000)
 * @param queueSize datagrams waiting for a worker; when full, new ones are dropped and counted as
 *     {@code queue_full} ({@code server-queue-size}, 1000)
 * @param workers threads decoding datagrams ({@code workers}, 10)
 * @param socketBufferBytes the socket's receive buffer; 0 keeps the OS default ({@code
 *     server-socket-buffer-size})
 */
public record UdpServerConfig(Address address, int maxPacketSize, int queueSize, int workers, int socketBufferBytes) {
  public static final int DEFAULT_MAX_PACKET_SIZE = 65_000;
  public static final int DEFAULT_QUEUE_SIZE = 1000;
  public static final int DEFAULT_WORKERS = 10;

  public UdpServerConfig {
    Objects.requireNonNull(address, "address");
    if (maxPacketSize <= 0 || maxPacketSize > 65_535) {
      throw new IllegalArgumentException("server-max-packet-size: " + maxPacketSize + " (expected: 1 to 65535)");
    }
    if (queueSize <= 0) {
      throw new IllegalArgumentException("server-queue-size: " + queueSize + " (expected: > 0)");
    }
    if (workers <= 0) {
      throw new IllegalArgumentException("workers: " + workers + " (expected: > 0)");
    }
    if (socketBufferBytes < 0) {
      throw new IllegalArgumentException("server-socket-buffer-size: " + socketBufferBytes + " (expected: >= 0)");
    }
  }

  /** Jaeger's defaults at {@code address}. */
  public static UdpServerConfig defaults(Address address) {
    return new UdpServerConfig(address, DEFAULT_MAX_PACKET_SIZE, DEFAULT_QUEUE_SIZE, DEFAULT_WORKERS, 0);
  }
}
