package io.spoor.codec.jaeger.thrift;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.jaegertracing.internal.JaegerSpan;
import io.jaegertracing.internal.JaegerSpanContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.InMemoryReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.HttpSender;
import io.jaegertracing.thrift.internal.senders.ThriftSender;
import io.jaegertracing.thrift.internal.senders.UdpSender;
import io.opentracing.References;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real jaeger-client tracer (1.8.1) sends spans with its own {@code UdpSender} (agent compact
 * protocol) to a socket on 127.0.0.1 and with its {@code HttpSender} (binary {@code Batch}) to a JDK
 * HTTP server; the captured bytes must decode field by field into what the client recorded.
 */
class JaegerClientSendersIT {
  private static final long START = 1_700_000_000_000_000L; // µs

  private final JaegerThriftCodec codec = new JaegerThriftCodec();
  private final InMemoryReporter reporter = new InMemoryReporter();
  private JaegerTracer tracer;

  @BeforeEach
  void startTracer() {
    tracer = new JaegerTracer.Builder("checkout")
        .withReporter(reporter)
        .withSampler(new ConstSampler(true))
        .withTraceId128Bit()
        .withTag("region", "eu-1")
        .withTag("replicas", 3)
        .withTag("canary", true)
        .build();
  }

  @AfterEach
  void closeTracer() {
    tracer.close();
  }

  @Test
  void udpSenderDatagramDecodes() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      socket.setSoTimeout(10_000);
      List<JaegerSpan> sent = recordSpans();
      UdpSender sender = new UdpSender("127.0.0.1", socket.getLocalPort(), 0);
      send(sender, sent);

      DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
      socket.receive(packet);
      byte[] datagram = Arrays.copyOf(packet.getData(), packet.getLength());

      assertDecoded(codec.decodeAgentMessage(datagram, ThriftProtocol.COMPACT), sent);
    }
  }

  @Test
  void httpSenderBodyDecodes() throws Exception {
    BlockingQueue<byte[]> bodies = new ArrayBlockingQueue<>(4);
    BlockingQueue<String> requests = new ArrayBlockingQueue<>(4);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/traces", exchange -> {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
          + exchange.getRequestHeaders().getFirst("Content-Type"));
      bodies.add(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    server.start();
    try {
      List<JaegerSpan> sent = recordSpans();
      String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/traces";
      send(new HttpSender.Builder(endpoint).build(), sent);

      byte[] body = bodies.poll(10, TimeUnit.SECONDS);
      assertThat(body).as("HTTP body").isNotNull();
      assertThat(requests.poll()).isEqualTo(
          "POST /api/traces?format=jaeger.thrift application/x-thrift");
      assertDecoded(codec.decodeBatch(body, ThriftProtocol.BINARY), sent);
    } finally {
      server.stop(0);
    }
  }

  private static void send(ThriftSender sender, List<JaegerSpan> spans) throws Exception {
    try {
      for (JaegerSpan span : spans) {
        sender.append(span);
      }
      assertThat(sender.flush()).isEqualTo(spans.size());
    } finally {
      sender.close();
    }
  }

  /** root; child (CHILD_OF root); follower (only FOLLOWS_FROM root); linked (CHILD_OF root, FOLLOWS_FROM another trace). */
  private List<JaegerSpan> recordSpans() {
    JaegerSpan other = tracer.buildSpan("other").ignoreActiveSpan().withStartTimestamp(START).start();
    JaegerSpan root = tracer.buildSpan("root").ignoreActiveSpan().withStartTimestamp(START + 1).start();
    root.setTag("http.method", "GET");
    root.setTag("http.status_code", 200);
    root.setTag("retries", 3L);
    root.setTag("ratio", 0.5);
    root.setTag("error", false);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("event", "retry");
    fields.put("attempt", 2);
    root.log(START + 5, fields);
    JaegerSpan child = tracer.buildSpan("child").asChildOf(root).withStartTimestamp(START + 10).start();
    child.finish(START + 20);
    JaegerSpan follower = tracer.buildSpan("follower").ignoreActiveSpan()
        .addReference(References.FOLLOWS_FROM, root.context()).withStartTimestamp(START + 30).start();
    follower.finish(START + 31);
    JaegerSpan linked = tracer.buildSpan("linked").asChildOf(root)
        .addReference(References.FOLLOWS_FROM, other.context()).withStartTimestamp(START + 40).start();
    linked.finish(START + 45);
    root.finish(START + 1_001);
    other.finish(START + 2);
    List<JaegerSpan> spans = reporter.getSpans();
    assertThat(spans).hasSize(5);
    return spans;
  }

  private static void assertDecoded(List<Span> decoded, List<JaegerSpan> sent) {
    assertThat(decoded).hasSize(sent.size());
    Process process = decoded.get(0).process();
    assertThat(process.serviceName()).isEqualTo("checkout");
    assertThat(process.tags()).contains(
        KeyValue.of("region", "eu-1"), KeyValue.of("replicas", 3L), KeyValue.of("canary", true));
    assertThat(process.tags()).extracting(KeyValue::key)
        .containsExactlyInAnyOrder("region", "replicas", "canary", "jaeger.version", "hostname", "ip");

    for (int i = 0; i < sent.size(); i++) {
      JaegerSpan expected = sent.get(i);
      JaegerSpanContext context = expected.context();
      Span span = decoded.get(i);
      assertThat(span.traceId()).isEqualTo(TraceId.of(context.getTraceIdHigh(), context.getTraceIdLow()));
      assertThat(span.traceId().high()).as("128-bit trace id").isNotZero();
      assertThat(span.traceId().toHex()).isEqualTo(context.getTraceId());
      assertThat(span.spanId()).isEqualTo(SpanId.of(context.getSpanId()));
      assertThat(span.parentSpanId()).isEqualTo(
          expected.getOperationName().equals("follower") ? SpanId.ZERO : SpanId.of(context.getParentId()));
      assertThat(span.operationName()).isEqualTo(expected.getOperationName());
      assertThat(span.flags()).isEqualTo(context.getFlags());
      assertThat(span.isSampled()).isTrue();
      assertThat(span.startTimeNanos()).isEqualTo(expected.getStart() * 1000);
      assertThat(span.durationNanos()).isEqualTo(expected.getDuration() * 1000);
      assertThat(span.process()).isEqualTo(process);
    }

    Span other = byName(decoded, "other");
    Span root = byName(decoded, "root");
    assertThat(root.references()).isEmpty();
    assertThat(root.durationNanos()).isEqualTo(1_000_000);
    assertThat(root.tags()).contains(
        KeyValue.of("http.method", "GET"),
        KeyValue.of("http.status_code", 200L),
        KeyValue.of("retries", 3L),
        KeyValue.of("ratio", 0.5),
        KeyValue.of("error", false));
    assertThat(root.logs()).containsExactly(
        Log.of((START + 5) * 1000, KeyValue.of("event", "retry"), KeyValue.of("attempt", 2L)));

    // The client sends a lone CHILD_OF only as parentSpanId: it becomes the reference again.
    Span child = byName(decoded, "child");
    assertThat(child.traceId()).isEqualTo(root.traceId());
    assertThat(child.references()).containsExactly(SpanRef.childOf(root.traceId(), root.spanId()));
    assertThat(child.durationNanos()).isEqualTo(10_000);

    // parentSpanId equals the FOLLOWS_FROM target: no extra CHILD_OF, as in Jaeger.
    Span follower = byName(decoded, "follower");
    assertThat(follower.references()).containsExactly(SpanRef.followsFrom(root.traceId(), root.spanId()));

    Span linked = byName(decoded, "linked");
    assertThat(linked.references()).containsExactly(
        SpanRef.childOf(root.traceId(), root.spanId()),
        SpanRef.followsFrom(other.traceId(), other.spanId()));
    assertThat(other.traceId()).isNotEqualTo(root.traceId());
  }

  private static Span byName(List<Span> spans, String operation) {
    return spans.stream().filter(s -> s.operationName().equals(operation)).findFirst().orElseThrow();
  }
}
