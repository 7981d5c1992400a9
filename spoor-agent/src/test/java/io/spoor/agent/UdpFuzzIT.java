package io.spoor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Random, truncated, empty and oversized datagrams: each is counted and dropped, and the agent keeps serving. */
class UdpFuzzIT {
  static final int MAX_PACKET = 4000;
  static final MeterRegistry registry = new SimpleMeterRegistry();
  static Agent agent;
  static DatagramSocket socket;
  final JaegerThriftCodec codec = new JaegerThriftCodec();

  @BeforeAll
  static void start() throws Exception {
    Address local = new Address("127.0.0.1", 0);
    UdpServerConfig udp = new UdpServerConfig(local, MAX_PACKET, 10_000, 2, 4 << 20);
    // Nothing listens on the collector address: decoded batches are dropped, which is not under test here.
    agent = new Agent(new AgentConfig(udp, udp, local,
        ReporterConfig.defaults(List.of(new Address("127.0.0.1", 1))), Map.of()), registry);
    agent.start();
    socket = new DatagramSocket();
  }

  @AfterAll
  static void stop() {
    socket.close();
    agent.close();
  }

  private void send(byte[] datagram, ThriftProtocol protocol) throws Exception {
    socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), agent.udpPort(protocol)));
  }

  private static double counter(String name, String... tags) {
    Counter c = registry.find(name).tags(tags).counter();
    return c == null ? 0 : c.count();
  }

  private static void awaitReceived(String protocol, int expected) {
    await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
        assertThat(counter("spoor.agent.packets.received", "protocol", protocol)).isEqualTo(expected));
  }

  private byte[] valid(ThriftProtocol protocol, int spans) {
    List<Span> list = new java.util.ArrayList<>();
    Process process = Process.of("fuzz-svc", KeyValue.of("k", "v"));
    for (int i = 0; i < spans; i++) {
      list.add(Span.newBuilder().traceId(TraceId.of(7, i + 1)).spanId(SpanId.of(i + 1)).operationName("op-" + i)
          .startTimeMicros(1_000_000).durationMicros(3).tags(List.of(KeyValue.of("i", (long) i)))
          .process(process).build());
    }
    return codec.encodeEmitBatch(process, list, protocol, 3);
  }

  @Test
  void garbageIsCountedAndTheAgentKeepsServing() throws Exception {
    Random random = new Random(20261125L);
    int sent = 0;
    for (ThriftProtocol protocol : ThriftProtocol.values()) {
      String name = protocol.name().toLowerCase(java.util.Locale.ROOT);
      byte[] good = valid(protocol, 5);
      int before = sent;
      for (int i = 0; i < 150; i++) {
        byte[] garbage = new byte[random.nextInt(MAX_PACKET)];
        random.nextBytes(garbage);
        send(garbage, protocol);
        // A valid message cut short anywhere.
        send(Arrays.copyOf(good, random.nextInt(good.length)), protocol);
        // A valid message with a few bytes flipped: may still decode, must never break the agent.
        byte[] flipped = good.clone();
        for (int f = 0; f < 3; f++) {
          flipped[random.nextInt(flipped.length)] ^= (byte) (1 + random.nextInt(255));
        }
        send(flipped, protocol);
        sent += 3;
        if (i % 10 == 9) {
          // Let the reader catch up now and then: the kernel, not the agent, drops what overflows the socket buffer.
          awaitReceived(name, sent - before);
        }
      }
      send(new byte[MAX_PACKET + 100], protocol);
      sent++;
      int expected = sent - before;
      awaitReceived(name, expected);
      assertThat(counter("spoor.agent.packets.dropped", "protocol", name, "reason", "too_large")).isEqualTo(1);
      assertThat(counter("spoor.agent.packets.dropped", "protocol", name, "reason", "queue_full")).isZero();
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(counter("spoor.agent.packets.dropped", "protocol", name, "reason", "malformed")).isGreaterThanOrEqualTo(300));

      // Still decoding valid datagrams afterwards.
      double spansBefore = counter("spoor.agent.spans.received", "protocol", name);
      send(good, protocol);
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(counter("spoor.agent.spans.received", "protocol", name)).isEqualTo(spansBefore + 5));
    }
    HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + agent.httpPort() + "/sampling")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(bad.statusCode()).isEqualTo(400);
  }
}
