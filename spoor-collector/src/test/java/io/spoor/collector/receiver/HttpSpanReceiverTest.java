package io.spoor.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.encoding.DecodingService;
import io.spoor.collector.pipeline.OverCapacityException;
import io.spoor.collector.pipeline.SpanBatch;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSpanReceiverTest {
  static final List<SpanBatch> received = new CopyOnWriteArrayList<>();
  static volatile boolean full;
  static volatile boolean storageDown;
  static Server server;
  static final HttpClient client = HttpClient.newHttpClient();

  /** A test format: one span per line, "traceIdHex spanIdHex service operation". */
  static List<Span> decodeLines(byte[] body) {
    List<Span> spans = new ArrayList<>();
    String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
    for (int i = 0; i < lines.length; i++) {
      String[] f = lines[i].trim().split(" ");
      if (f.length != 4) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + f.length + " fields (expected: 4)");
      }
      spans.add(Span.newBuilder().traceId(TraceId.parse(f[0])).spanId(SpanId.parse(f[1]))
          .process(Process.of(f[2])).operationName(f[3]).build());
    }
    return spans;
  }

  @BeforeAll
  static void start() {
    HttpSpanReceiver receiver = HttpSpanReceiver.builder(batch -> {
      if (full) {
        throw new OverCapacityException("collector queue is full; retry later");
      }
      if (batch.spans().stream().anyMatch(s -> s.spanId().isZero())) {
        throw new IllegalArgumentException("spans[0].spanId: 0 (expected: a non-zero span id)");
      }
      if (storageDown) {
        return java.util.concurrent.CompletableFuture.failedFuture(new io.spoor.storage.StorageException("disk full"));
      }
      received.add(batch);
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }, "lines").acceptWith202("text/x-spans", HttpSpanReceiverTest::decodeLines).build();
    server = Server.builder()
        .http(new InetSocketAddress("127.0.0.1", 0))
        .maxRequestLength(4096)
        .service("/spans", receiver.decorate(DecodingService.newDecorator()))
        .build();
    server.start().join();
  }

  @AfterAll
  static void stop() {
    server.stop().join();
  }

  @BeforeEach
  void reset() {
    received.clear();
    full = false;
    storageDown = false;
  }

  @Test
  void aStorageFailureIs503SoTheClientRetries() throws Exception {
    storageDown = true;
    HttpResponse<String> r = post("text/x-spans", "1 2 svc op".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(r.body()).contains("Cannot store spans: disk full");
  }

  private HttpResponse<String> post(String contentType, byte[] body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.activeLocalPort() + "/spans"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void acceptsAndCountsTheFormatAndTransport() throws Exception {
    HttpResponse<String> r = post("text/x-spans; charset=utf-8", "a1 b2 svc GET\na1 b3 svc PUT".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(received).hasSize(1);
    SpanBatch batch = received.get(0);
    assertThat(batch.format()).isEqualTo("lines");
    assertThat(batch.transport()).isEqualTo("http");
    assertThat(batch.spans()).extracting(Span::operationName).containsExactly("GET", "PUT");
    assertThat(batch.spans().get(1).traceId()).isEqualTo(TraceId.of(0xa1));
  }

  @Test
  void gzipBodiesAreInflated() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write("1 2 svc op".getBytes(StandardCharsets.UTF_8));
    }
    HttpResponse<String> r = post("text/x-spans", bytes.toByteArray(), "Content-Encoding", "gzip");
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(received.get(0).spans().get(0).serviceName()).isEqualTo("svc");
  }

  @Test
  void badInputIsRefusedWithTheReasonAndNothingIsStored() throws Exception {
    HttpResponse<String> malformed = post("text/x-spans", "1 2 svc".getBytes(StandardCharsets.UTF_8));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("Unable to process request body: line 1: 3 fields (expected: 4)");

    HttpResponse<String> badId = post("text/x-spans", "1 zz svc op".getBytes(StandardCharsets.UTF_8));
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(badId.body()).contains("span id: \"zz\"");

    HttpResponse<String> zeroId = post("text/x-spans", "1 0 svc op".getBytes(StandardCharsets.UTF_8));
    assertThat(zeroId.statusCode()).isEqualTo(400);
    assertThat(zeroId.body()).contains("spans[0].spanId: 0");

    HttpResponse<String> wrongType = post("application/json", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(wrongType.body()).contains("Unsupported content type: application/json (expected: text/x-spans)");

    HttpResponse<String> tooLarge = post("text/x-spans", new byte[10_000]);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(received).isEmpty();
  }

  @Test
  void aFullQueueAnswers429WithRetryAfter() throws Exception {
    full = true;
    HttpResponse<String> r = post("text/x-spans", "1 2 svc op".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(r.body()).contains("retry later");
  }

  @Test
  void aFullQueueIsShedBeforeTheBodyIsDecoded() throws Exception {
    java.util.concurrent.atomic.AtomicInteger decoded = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
    io.spoor.collector.pipeline.SpanProcessor fullProcessor = new io.spoor.collector.pipeline.SpanProcessor() {
      @Override
      public java.util.concurrent.CompletableFuture<Void> process(SpanBatch batch) {
        throw new AssertionError("must not be called");
      }

      @Override
      public boolean hasCapacity() {
        return false;
      }

      @Override
      public void refusedBeforeDecoding(String format, String transport) {
        refused.incrementAndGet();
      }
    };
    HttpSpanReceiver receiver = HttpSpanReceiver.builder(fullProcessor, "lines")
        .acceptWith202("text/x-spans", body -> {
          decoded.incrementAndGet();
          return decodeLines(body);
        }).build();
    Server full = Server.builder().http(new InetSocketAddress("127.0.0.1", 0)).service("/spans", receiver).build();
    full.start().join();
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + full.activeLocalPort() + "/spans"))
          .header("Content-Type", "text/x-spans").POST(HttpRequest.BodyPublishers.ofString("1 2 svc op")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(decoded.get()).isZero();
      assertThat(refused.get()).isEqualTo(1);
    } finally {
      full.stop().join();
    }
  }

  @Test
  void onlyPostIsAllowed() throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.activeLocalPort() + "/spans")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
  }
}
