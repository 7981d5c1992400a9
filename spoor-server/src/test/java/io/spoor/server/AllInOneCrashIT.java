package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.codec.otlp.OtlpCodec;
import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Durability as a user sees it: an all-in-one on the embedded store takes OTLP load and is killed
 * with SIGKILL; after a restart on the same data, every span whose request was answered 200 is there.
 */
class AllInOneCrashIT {
  private static final Pattern START_LINE = Pattern.compile("UI at http://localhost:(\\d+)/.*otlp_http=127\\.0\\.0\\.1:(\\d+)");
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  record Running(java.lang.Process process, int query, int otlp) {}

  private static Running start(Path data) throws Exception {
    Path log = Files.createTempFile(data.getParent(), "all-in-one", ".log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), Spoor.class.getName(), "all-in-one",
        "--collector.num-workers=4");
    Map<String, String> env = pb.environment();
    for (String name : List.of("COLLECTOR_GRPC_SERVER_HOST_PORT", "COLLECTOR_HTTP_SERVER_HOST_PORT",
        "COLLECTOR_OTLP_GRPC_HOST_PORT", "COLLECTOR_OTLP_HTTP_HOST_PORT", "COLLECTOR_ZIPKIN_HOST_PORT",
        "QUERY_HTTP_SERVER_HOST_PORT", "QUERY_GRPC_SERVER_HOST_PORT", "ADMIN_HTTP_HOST_PORT",
        "PROCESSOR_JAEGER_COMPACT_SERVER_HOST_PORT", "PROCESSOR_JAEGER_BINARY_SERVER_HOST_PORT",
        "HTTP_SERVER_HOST_PORT")) {
      env.put(name, "127.0.0.1:0");
    }
    env.put("SPAN_STORAGE_TYPE", "rocksdb");
    env.put("ROCKSDB_PATH", data.toString());
    pb.redirectError(log.toFile());
    java.lang.Process process = pb.start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
      Matcher m = START_LINE.matcher(line);
      if (m.find()) {
        return new Running(process, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      }
    }
    process.destroyForcibly();
    throw new AssertionError("all-in-one did not start; log:\n" + Files.readString(log));
  }

  private static List<Span> trace(long n) {
    TraceId id = TraceId.of(0xc0ffee, n);
    List<Span> spans = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Span.Builder b = Span.newBuilder().traceId(id).spanId(SpanId.of(i)).operationName("op-" + i)
          .process(Process.of("crash-svc")).startTimeNanos(System.currentTimeMillis() * 1_000_000L + i)
          .durationNanos(1_000).addTag(KeyValue.of("n", n));
      if (i > 1) {
        b.addReference(SpanRef.childOf(id, SpanId.of(1)));
      }
      spans.add(b.build());
    }
    return spans;
  }

  @Test
  void everyAcknowledgedSpanSurvivesSigkill() throws Exception {
    Path data = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "crash-data");
    Running first = start(data);
    Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong next = new AtomicLong();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    for (int c = 0; c < 4; c++) {
      clients.submit(() -> {
        while (!stop.get()) {
          long n = next.incrementAndGet();
          HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.otlp() + "/v1/traces"))
              .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-protobuf")
              .POST(HttpRequest.BodyPublishers.ofByteArray(OtlpCodec.encodeRequest(trace(n)).toByteArray())).build();
          try {
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
              acknowledged.add(n);
            }
          } catch (IOException e) {
            // the process was killed mid-request: not acknowledged
          }
        }
        return null;
      });
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (acknowledged.size() < 300 && System.nanoTime() < until) {
      Thread.onSpinWait();
      TimeUnit.MILLISECONDS.sleep(10);
    }
    first.process().destroyForcibly(); // SIGKILL, under load
    first.process().waitFor(30, TimeUnit.SECONDS);
    stop.set(true);
    clients.shutdown();
    assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

    Running second = start(data);
    try {
      List<Long> missing = new ArrayList<>();
      for (long n : acknowledged) {
        String hex = TraceId.of(0xc0ffee, n).toHex();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + second.query() + "/api/traces/" + hex + "?raw=true")).build(),
            HttpResponse.BodyHandlers.ofString());
        int spans = r.statusCode() == 200
            ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).get("data").get(0).get("spans").size()
            : 0;
        if (spans != 5) {
          missing.add(n);
        }
      }
      assertThat(missing).as("acknowledged traces missing or partial after SIGKILL").isEmpty();
    } finally {
      second.process().destroy();
      second.process().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
