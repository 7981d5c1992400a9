package io.spoor.agent;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One plaintext gRPC channel per collector, handed out round robin. A channel reconnects by itself
 * (with gRPC's backoff) after its collector went away; channels are created idle and connect on the
 * first call.
 */
final class CollectorChannels implements AutoCloseable {
  private final List<Address> addresses;
  private final List<ManagedChannel> channels = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  CollectorChannels(List<Address> collectors, int maxMessageBytes) {
    this.addresses = List.copyOf(collectors);
    for (Address a : addresses) {
      channels.add(NettyChannelBuilder.forAddress(a.host(), a.port())
          .usePlaintext()
          .maxInboundMessageSize(maxMessageBytes)
          .build());
    }
  }

  /** The next channel in turn. */
  ManagedChannel next() {
    return channels.get(Math.floorMod(next.getAndIncrement(), channels.size()));
  }

  int size() {
    return channels.size();
  }

  String describe() {
    return addresses.toString();
  }

  @Override
  public void close() {
    channels.forEach(ManagedChannel::shutdownNow);
    for (ManagedChannel c : channels) {
      try {
        c.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
