package io.spoor.server;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes realistic demo traces: a front end calling a few services, which call databases and caches;
 * fan-out, errors with exception logs, varied latencies, a consistent service topology so the
 * dependency graph means something. Not thread-safe (one per sending thread).
 */
final class TraceGenerator {
  private static final String[] SERVICES = {"frontend", "cart", "checkout", "payment", "inventory",
      "shipping", "recommendation", "auth", "currency", "email"};
  private static final String[][] ROUTES = {
      {"GET /", "GET /product/{id}", "POST /cart", "POST /checkout", "GET /cart"},
      {"GetCart", "AddItem", "EmptyCart"}, {"PlaceOrder"}, {"Charge", "Refund"},
      {"Reserve", "GetStock"}, {"GetQuote", "ShipOrder"}, {"ListRecommendations"},
      {"Authenticate"}, {"Convert", "GetSupportedCurrencies"}, {"SendConfirmation"}};

  private final Random random;
  private final int services;
  private final List<Process> processes = new ArrayList<>();

  TraceGenerator(Random random, int services) {
    if (services < 2 || services > SERVICES.length) {
      throw new IllegalArgumentException("--services: " + services + " (expected: 2 to " + SERVICES.length + ")");
    }
    this.random = random;
    this.services = services;
    for (int i = 0; i < services; i++) {
      processes.add(Process.of(SERVICES[i], KeyValue.of("host.name", SERVICES[i] + "-" + (1 + random.nextInt(3))),
          KeyValue.of("telemetry.sdk.language", i % 2 == 0 ? "java" : "go"), KeyValue.of("service.version", "1." + i)));
    }
  }

  /** One trace starting at {@code startNanos}. */
  List<Span> trace(long startNanos) {
    TraceId traceId = TraceId.of(random.nextLong(), random.nextLong());
    List<Span> out = new ArrayList<>();
    long duration = span(out, traceId, SpanId.ZERO, 0, startNanos, 0);
    assert duration > 0;
    return out;
  }

  /** Adds a span of {@code service} and its children; returns its duration. */
  private long span(List<Span> out, TraceId traceId, SpanId parent, int service, long start, int depth) {
    SpanId id = SpanId.of(random.nextLong() | 1);
    String[] ops = ROUTES[service];
    String op = ops[random.nextInt(ops.length)];
    boolean server = depth > 0 || service == 0;
    List<KeyValue> tags = new ArrayList<>();
    tags.add(KeyValue.of("span.kind", server ? "server" : "internal"));
    tags.add(KeyValue.of("otel.scope.name", "io.spoor.tracegen"));
    if (service == 0) {
      tags.add(KeyValue.of("http.method", op.substring(0, op.indexOf(' '))));
      tags.add(KeyValue.of("http.route", op.substring(op.indexOf(' ') + 1)));
    } else {
      tags.add(KeyValue.of("rpc.system", "grpc"));
      tags.add(KeyValue.of("rpc.method", op));
    }
    long offset = 50_000 + random.nextInt(200_000);
    List<Span> children = new ArrayList<>();
    int fanOut = depth >= 2 ? 0 : random.nextInt(depth == 0 ? 4 : 3);
    for (int i = 0; i < fanOut; i++) {
      int child = 1 + random.nextInt(services - 1);
      if (child == service) {
        continue;
      }
      offset += span(children, traceId, id, child, start + offset, depth + 1) + random.nextInt(100_000);
    }
    if (random.nextInt(3) == 0) {
      offset += storeCall(children, traceId, id, service, start + offset);
    }
    long duration = offset + 20_000 + random.nextInt(500_000);
    boolean error = random.nextInt(20) == 0;
    List<Log> logs = new ArrayList<>();
    if (error) {
      tags.add(KeyValue.of("error", true));
      tags.add(KeyValue.of("otel.status_code", "ERROR"));
      logs.add(Log.of(start + duration - 10_000, KeyValue.of("event", "exception"),
          KeyValue.of("exception.type", "java.lang.IllegalStateException"),
          KeyValue.of("exception.message", "upstream " + op + " failed")));
    }
    if (service == 0) {
      tags.add(KeyValue.of("http.status_code", error ? 500L : 200L));
    }
    Span.Builder b = Span.newBuilder().traceId(traceId).spanId(id).operationName(op)
        .process(processes.get(service)).startTimeNanos(start).durationNanos(duration).flags(Span.FLAG_SAMPLED)
        .tags(tags).logs(logs);
    if (!parent.isZero()) {
      b.addReference(SpanRef.childOf(traceId, parent));
    }
    out.add(b.build());
    out.addAll(children);
    return duration;
  }

  private long storeCall(List<Span> out, TraceId traceId, SpanId parent, int service, long start) {
    boolean cache = random.nextBoolean();
    long duration = (cache ? 100_000 : 1_000_000) + random.nextInt(cache ? 400_000 : 9_000_000);
    out.add(Span.newBuilder().traceId(traceId).spanId(SpanId.of(random.nextLong() | 1))
        .operationName(cache ? "GET" : "SELECT " + SERVICES[service])
        .process(processes.get(service)).startTimeNanos(start).durationNanos(duration).flags(Span.FLAG_SAMPLED)
        .addReference(SpanRef.childOf(traceId, parent))
        .addTag(KeyValue.of("span.kind", "client"))
        .addTag(KeyValue.of("db.system", cache ? "redis" : "postgresql"))
        .addTag(KeyValue.of("peer.service", cache ? "redis" : "postgres"))
        .addLog(Log.of(start + duration / 2, KeyValue.of("event", "rows"), KeyValue.of("count", (long) random.nextInt(50))))
        .build());
    return duration;
  }
}
