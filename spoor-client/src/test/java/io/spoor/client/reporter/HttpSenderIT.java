package io.spoor.client.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.spoor.client.CountingClientMetrics;
import io.spoor.client.SpoorTracer;
import io.spoor.client.sampler.ConstSampler;
import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import io.spoor.model.Span;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spans are posted to a real HTTP server that decodes them as a collector would. */
class HttpSenderIT {
  HttpServer server;
  final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
  final AtomicInteger status = new AtomicInteger(202);

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/traces", exchange -> {
      bodies.add(exchange.getRequestBody().readAllBytes());
      headers.add(Map.copyOf(exchange.getRequestHeaders()));
      exchange.sendResponseHeaders(status.get(), -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/traces");
  }

  @Test
  void postsThriftBinaryBatchesWithBearerToken() {
    CountingClientMetrics metrics = new CountingClientMetrics();
    SpoorTracer tracer = SpoorTracer.builder("http-test").sampler(new ConstSampler(true)).metrics(metrics)
        .reporter(new RemoteReporter(new HttpSender(endpoint(), "s3cret", 64 * 1024, metrics), 100,
            Duration.ofSeconds(1), metrics))
        .processTag("region", "eu").build();
    for (int i = 0; i < 50; i++) {
      tracer.buildSpan("op-" + i).withTag("filler", "f".repeat(2000)).start().finish();
    }
    tracer.close();

    assertThat(metrics.reported()).isEqualTo(50);
    assertThat(bodies.size()).isGreaterThanOrEqualTo(2); // 50 × 2 KB does not fit one 64 KiB batch
    assertThat(bodies).allMatch(b -> b.length <= 64 * 1024);
    assertThat(headers).allSatisfy(h -> {
      assertThat(h.get("Authorization")).containsExactly("Bearer s3cret");
      assertThat(h.get("Content-type")).containsExactly("application/x-thrift");
    });
    JaegerThriftCodec codec = new JaegerThriftCodec();
    List<Span> spans = bodies.stream().flatMap(b -> codec.decodeBatch(b, ThriftProtocol.BINARY).stream()).toList();
    assertThat(spans).hasSize(50);
    assertThat(spans).extracting(Span::operationName).contains("op-0", "op-49");
    assertThat(spans.get(0).process().serviceName()).isEqualTo("http-test");
    assertThat(spans.get(0).process().tags()).extracting(kv -> kv.key() + "=" + kv.valueAsString())
        .containsExactly("region=eu");
  }

  @Test
  void serverErrorsCountSpansAsFailed() {
    status.set(503);
    CountingClientMetrics metrics = new CountingClientMetrics();
    SpoorTracer tracer = SpoorTracer.builder("http-test").sampler(new ConstSampler(true)).metrics(metrics)
        .reporter(new RemoteReporter(new HttpSender(endpoint(), null, HttpSender.DEFAULT_MAX_BATCH_BYTES, metrics),
            100, Duration.ofSeconds(1), metrics)).build();
    tracer.buildSpan("a").start().finish();
    tracer.buildSpan("b").start().finish();
    tracer.close();
    assertThat(metrics.failed()).isEqualTo(2);
    assertThat(metrics.reported()).isZero();
    assertThat(headers).allSatisfy(h -> assertThat(h).doesNotContainKey("Authorization"));
  }
}
