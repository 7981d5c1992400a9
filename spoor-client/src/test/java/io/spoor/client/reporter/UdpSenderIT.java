package io.spoor.client.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.spoor.client.ClientMetrics;
import io.spoor.client.CountingClientMetrics;
import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorTracer;
import io.spoor.client.sampler.ConstSampler;
import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import io.spoor.model.Span;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spans go through a real UDP socket as an agent would receive them. */
class UdpSenderIT {
  DatagramSocket agent;
  final List<byte[]> datagrams = new CopyOnWriteArrayList<>();
  Thread receiver;

  @BeforeEach
  void listen() throws Exception {
    agent = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
    agent.setReceiveBufferSize(4 << 20);
    receiver = new Thread(() -> {
      byte[] buf = new byte[70_000];
      while (!agent.isClosed()) {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
          agent.receive(p);
          datagrams.add(Arrays.copyOf(p.getData(), p.getLength()));
        } catch (SocketException closed) {
          return;
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
      }
    }, "test-agent");
    receiver.start();
  }

  @AfterEach
  void stop() throws Exception {
    agent.close();
    receiver.join(5000);
  }

  @Test
  void batchesAreSplitBelowThePacketLimitAndDecode() {
    CountingClientMetrics metrics = new CountingClientMetrics();
    RemoteReporter reporter = new RemoteReporter(new UdpSender("127.0.0.1", agent.getLocalPort(), metrics),
        1000, Duration.ofMillis(100), metrics);
    SpoorTracer tracer = SpoorTracer.builder("udp-test").sampler(new ConstSampler(true)).reporter(reporter)
        .metrics(metrics).build();
    String filler = "x".repeat(900);
    Set<Long> sentIds = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      SpoorSpan span = (SpoorSpan) tracer.buildSpan("op-" + i).withTag("filler", filler).withTag("i", i).start();
      span.finish();
      sentIds.add(span.context().spanId());
    }
    SpoorSpan huge = (SpoorSpan) tracer.buildSpan("huge").withTag("blob", "y".repeat(70_000)).start();
    huge.finish();
    tracer.close();

    assertThat(metrics.reported()).isEqualTo(200);
    assertThat(metrics.dropped()).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> decodeAll().size() == 200);
    assertThat(datagrams.size()).isGreaterThanOrEqualTo(3);
    assertThat(datagrams).allMatch(d -> d.length <= UdpSender.MAX_PACKET_BYTES);
    List<Span> spans = decodeAll();
    assertThat(spans).extracting(s -> s.spanId().value()).containsExactlyInAnyOrderElementsOf(sentIds);
    assertThat(spans).allMatch(s -> s.process().serviceName().equals("udp-test"));
    Span op7 = spans.stream().filter(s -> s.operationName().equals("op-7")).findFirst().orElseThrow();
    assertThat(op7.findTag("i").longValue()).isEqualTo(7);
    assertThat(op7.findTag("filler").stringValue()).isEqualTo(filler);
  }

  @Test
  void smallerPacketLimitIsHonoured() {
    UdpSender sender = new UdpSender("127.0.0.1", agent.getLocalPort(), 4096, ClientMetrics.NONE);
    SpoorTracer tracer = SpoorTracer.builder("small").sampler(new ConstSampler(true))
        .reporter(new RemoteReporter(sender, 100, Duration.ofSeconds(1), ClientMetrics.NONE)).build();
    for (int i = 0; i < 30; i++) {
      tracer.buildSpan("op").withTag("filler", "z".repeat(500)).start().finish();
    }
    tracer.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> decodeAll().size() == 30);
    assertThat(datagrams).allMatch(d -> d.length <= 4096);
    assertThat(datagrams.size()).isGreaterThanOrEqualTo(4);
  }

  private List<Span> decodeAll() {
    JaegerThriftCodec codec = new JaegerThriftCodec();
    return datagrams.stream().flatMap(d -> codec.decodeAgentMessage(d, ThriftProtocol.COMPACT).stream()).toList();
  }
}
