package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the writer does when the cluster pushes back, which a healthy test node cannot be made to do on
 * demand: an HTTP endpoint that answers like a cluster (version, health, templates) and scripts the
 * {@code _bulk} answers. Rejected items (429) are sent again alone; a full set of bulk slots sheds the
 * next write after {@code --es.bulk.max-wait}.
 */
class BulkBackpressureTest {
  private final List<String> bulkBodies = new CopyOnWriteArrayList<>();
  private HttpServer server;

  private String start(Function<String, String> bulk) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.equals("/")) {
        reply(exchange, "{\"version\":{\"number\":\"2.19.6\",\"distribution\":\"opensearch\"}}");
      } else if (path.startsWith("/_cluster/health")) {
        reply(exchange, "{\"status\":\"green\"}");
      } else if (path.equals("/_bulk")) {
        bulkBodies.add(body);
        reply(exchange, bulk.apply(body));
      } else {
        reply(exchange, "{\"acknowledged\":true}");
      }
    });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void reply(HttpExchange exchange, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A bulk answer: every item 201, except those whose action line index is in {@code rejected} (429). */
  private static String answer(String body, int... rejected) {
    int items = (int) body.lines().filter(l -> l.startsWith("{\"index\"")).count();
    ObjectNode root = EsClient.JSON.createObjectNode();
    root.put("errors", rejected.length > 0);
    ArrayNode list = root.putArray("items");
    for (int i = 0; i < items; i++) {
      int status = 201;
      for (int r : rejected) {
        status = r == i ? 429 : status;
      }
      ObjectNode item = list.addObject().putObject("index").put("status", status);
      if (status == 429) {
        item.putObject("error").put("type", "es_rejected_execution_exception").put("reason", "queue full");
      }
    }
    return root.toString();
  }

  private static Span span(long id) {
    return Span.newBuilder().traceId(TraceId.of(id)).spanId(SpanId.of(1)).operationName("op")
        .process(Process.of("svc")).startTimeMicros(System.currentTimeMillis() * 1000).durationMicros(1).build();
  }

  @Test
  void itemsRejectedWith429AreSentAgainAlone() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String url = start(body -> calls.incrementAndGet() == 1 ? answer(body, 0) : answer(body));
    try (Storage storage = TestClusters.storage("opensearch", url, "bp")) {
      storage.start();
      storage.spanWriter().write(List.of(span(1), span(2)));
      assertThat(bulkBodies).hasSize(2);
      // first: two spans and the service document; then only the rejected first span
      assertThat(bulkBodies.get(0).lines().count()).isEqualTo(6);
      assertThat(bulkBodies.get(1).lines().count()).isEqualTo(2);
      assertThat(bulkBodies.get(1)).contains("\"traceID\":\"0000000000000001\"");
      assertThat(storage.metrics()).containsEntry("spoor_storage_es_documents_retried_total", 1.0)
          .containsEntry("spoor_storage_es_bulk_requests_total", 2.0)
          .containsEntry("spoor_storage_es_spans_written_total", 2.0);
    }
  }

  @Test
  void itemsStillRejectedAfterTheRetriesFailTheWrite() throws Exception {
    String url = start(body -> answer(body, 0));
    try (Storage storage = TestClusters.storage("opensearch", url, "bp")) {
      storage.start();
      assertThatThrownBy(() -> storage.spanWriter().write(List.of(span(1))))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("1 of 2 documents were rejected")
          .hasMessageContaining("HTTP 429 es_rejected_execution_exception: queue full");
      assertThat(bulkBodies).hasSize(6);
    }
  }

  @Test
  void aWriteThatFindsEveryBulkSlotTakenIsShedAfterTheTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    String url = start(body -> {
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return answer(body);
    });
    try (Storage storage = TestClusters.storage("opensearch", url, "bp", "es.bulk.workers", "1",
        "es.bulk.max-wait", "1s")) {
      storage.start();
      CompletableFuture<Void> first = CompletableFuture.runAsync(() -> storage.spanWriter().write(List.of(span(1))));
      org.awaitility.Awaitility.await().until(() -> bulkBodies.size() == 1);
      assertThat(storage.metrics()).containsEntry("spoor_storage_es_bulks_in_flight", 1.0);
      long began = System.nanoTime();
      assertThatThrownBy(() -> storage.spanWriter().write(List.of(span(2))))
          .isInstanceOf(StorageException.class).hasMessageContaining("overloaded: 1 bulk requests");
      assertThat(System.nanoTime() - began).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(1) - 50_000_000L);
      assertThat(storage.metrics()).containsEntry("spoor_storage_es_writes_shed_total", 1.0);
      release.countDown();
      first.get(10, TimeUnit.SECONDS);
    }
  }
}
