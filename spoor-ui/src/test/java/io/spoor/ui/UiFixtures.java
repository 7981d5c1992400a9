package io.spoor.ui;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.List;

/** The traces the browser tests load: generated relative to {@code nowNanos}, so the default lookback finds them. */
final class UiFixtures {
  static final TraceId CHECKOUT = TraceId.of(0x1111);
  static final TraceId CHECKOUT_B = TraceId.of(0x1112);
  static final TraceId PAYMENT_ERROR = TraceId.of(0x2222);
  static final TraceId BIG = TraceId.of(0x3333);
  static final TraceId XSS = TraceId.of(0x4444);
  static final TraceId UPLOADED = TraceId.of(0x5555);
  static final TraceId UPLOADED_SECOND = TraceId.of(0x5556);
  static final int CHECKOUT_SPANS = 8;
  static final int BIG_SPANS = 10_000;
  static final String XSS_SERVICE = "<svg onload=window.__xss=1>";
  static final String XSS_OPERATION = "<img src=x onerror=window.__xss=2>";
  static final String XSS_TAG_VALUE = "<script>window.__xss=3</script>";
  static final String XSS_TAG_KEY = "\"><img src=x onerror=window.__xss=4>";
  static final String XSS_LOG = "<img src=x onerror=window.__xss=5>";

  private static final long MS = 1_000_000;

  static final Process FRONTEND = Process.of("frontend", KeyValue.of("hostname", "web-1"), KeyValue.of("ip", "10.0.0.1"));
  static final Process GATEWAY = Process.of("api-gateway", KeyValue.of("hostname", "gw-1"));
  static final Process AUTH = Process.of("auth");
  static final Process ORDERS = Process.of("orders", KeyValue.of("jaeger.version", "Java-1.8.1"));
  static final Process DB = Process.of("postgres");
  static final Process CACHE = Process.of("redis");
  static final Process PAYMENTS = Process.of("payments");

  private final long now;

  UiFixtures(long nowNanos) {
    this.now = nowNanos;
  }

  long nowNanos() {
    return now;
  }

  List<Span> all() {
    List<Span> spans = new ArrayList<>();
    spans.addAll(checkout());
    spans.addAll(checkoutB());
    spans.addAll(paymentError());
    spans.addAll(big());
    spans.addAll(xss());
    return spans;
  }

  private static Span.Builder span(TraceId trace, long id, String op, Process p, long startNanos, long durNanos,
      long parent) {
    Span.Builder b = Span.newBuilder().traceId(trace).spanId(SpanId.of(id)).operationName(op).process(p)
        .startTimeNanos(startNanos).durationNanos(durNanos).flags(Span.FLAG_SAMPLED);
    if (parent != 0) {
      b.addReference(SpanRef.childOf(trace, SpanId.of(parent)));
    }
    return b;
  }

  /** frontend → api-gateway → (auth, orders → (postgres, redis, publish)), frontend render: 8 spans. */
  List<Span> checkout() {
    long t = now - 10 * 60_000 * MS;
    TraceId id = CHECKOUT;
    return List.of(
        span(id, 1, "GET /checkout", FRONTEND, t, 120 * MS, 0).addTag(KeyValue.of("span.kind", "server"))
            .addTag(KeyValue.of("http.method", "GET")).addTag(KeyValue.of("http.status_code", 200L)).build(),
        span(id, 2, "POST /api/orders", GATEWAY, t + 5 * MS, 105 * MS, 1).addTag(KeyValue.of("span.kind", "server")).build(),
        span(id, 3, "authenticate", AUTH, t + 8 * MS, 12 * MS, 2)
            .addLog(Log.of(t + 15 * MS, KeyValue.of("event", "token-verified"), KeyValue.of("user", "alice"))).build(),
        span(id, 4, "create-order", ORDERS, t + 22 * MS, 78 * MS, 2).addTag(KeyValue.of("order.id", 42L)).build(),
        span(id, 5, "INSERT orders", DB, t + 30 * MS, 30 * MS, 4)
            .addTag(KeyValue.of("db.statement", "INSERT INTO orders VALUES ($1, $2)")).build(),
        span(id, 6, "SET order:42", CACHE, t + 40 * MS, 8 * MS, 4).build(),
        span(id, 7, "publish-event", ORDERS, t + 72 * MS, 23 * MS, 4)
            .addLog(Log.of(t + 80 * MS, KeyValue.of("event", "sent"), KeyValue.of("topic", "orders")))
            .addLog(Log.of(t + 90 * MS, KeyValue.of("event", "acked"))).build(),
        span(id, 8, "render", FRONTEND, t + 112 * MS, 6 * MS, 1).build());
  }

  /** Like checkout, without the redis span, with an inventory query, and a slower create-order. */
  List<Span> checkoutB() {
    long t = now - 9 * 60_000 * MS;
    TraceId id = CHECKOUT_B;
    return List.of(
        span(id, 1, "GET /checkout", FRONTEND, t, 160 * MS, 0).addTag(KeyValue.of("span.kind", "server")).build(),
        span(id, 2, "POST /api/orders", GATEWAY, t + 5 * MS, 145 * MS, 1).build(),
        span(id, 3, "authenticate", AUTH, t + 8 * MS, 12 * MS, 2).build(),
        span(id, 4, "create-order", ORDERS, t + 22 * MS, 118 * MS, 2).build(),
        span(id, 5, "INSERT orders", DB, t + 30 * MS, 30 * MS, 4).build(),
        span(id, 9, "SELECT inventory", DB, t + 62 * MS, 40 * MS, 4).build(),
        span(id, 7, "publish-event", ORDERS, t + 105 * MS, 30 * MS, 4).build(),
        span(id, 8, "render", FRONTEND, t + 152 * MS, 6 * MS, 1).build());
  }

  /** frontend → payments (error, with an error log) → postgres. */
  List<Span> paymentError() {
    long t = now - 5 * 60_000 * MS;
    TraceId id = PAYMENT_ERROR;
    return List.of(
        span(id, 1, "POST /pay", FRONTEND, t, 300 * MS, 0).addTag(KeyValue.of("http.status_code", 502L))
            .addTag(KeyValue.of("error", true)).build(),
        span(id, 2, "charge", PAYMENTS, t + 10 * MS, 280 * MS, 1).addTag(KeyValue.of("error", true))
            .addLog(Log.of(t + 250 * MS, KeyValue.of("event", "error"), KeyValue.of("message", "card declined")))
            .build(),
        span(id, 3, "SELECT card", DB, t + 20 * MS, 15 * MS, 2).addWarning("tag value truncated: db.statement").build());
  }

  /** 10,000 spans in a 4-ary tree; services by depth, so their calls form a cycle of four. */
  List<Span> big() {
    long t = now - 3 * 60_000 * MS;
    List<Span> spans = new ArrayList<>(BIG_SPANS);
    long[] start = new long[BIG_SPANS];
    long[] duration = new long[BIG_SPANS];
    int[] depth = new int[BIG_SPANS];
    start[0] = t;
    duration[0] = 10_000 * MS;
    for (int i = 0; i < BIG_SPANS; i++) {
      int parent = (i - 1) / 4;
      if (i > 0) {
        int k = (i - 1) % 4;
        depth[i] = depth[parent] + 1;
        duration[i] = duration[parent] / 5;
        start[i] = start[parent] + (k * duration[parent]) / 4 + duration[parent] / 40;
      }
      Process p = Process.of("big-" + depth[i] % 4);
      spans.add(span(BIG, i + 1, "op-" + i % 50, p, start[i], duration[i], i == 0 ? 0 : parent + 1)
          .addTag(KeyValue.of("index", (long) i)).build());
    }
    return spans;
  }

  /** Hostile names, tag keys and values, and log fields. */
  List<Span> xss() {
    long t = now - 2 * 60_000 * MS;
    Process hostile = Process.of(XSS_SERVICE, KeyValue.of("hostname", XSS_TAG_VALUE));
    return List.of(
        span(XSS, 1, XSS_OPERATION, hostile, t, 50 * MS, 0)
            .addTag(KeyValue.of("note", XSS_TAG_VALUE)).addTag(KeyValue.of(XSS_TAG_KEY, "x"))
            .addLog(Log.of(t + 10 * MS, KeyValue.of("event", XSS_LOG))).build(),
        span(XSS, 2, "child " + XSS_OPERATION, FRONTEND, t + 5 * MS, 20 * MS, 1).build());
  }

  /** A trace that is never stored: the upload test opens it from a file. */
  Trace uploaded() {
    long t = now - 60_000 * MS;
    return Trace.of(List.of(
        span(UPLOADED, 1, "uploaded-root", Process.of("offline-svc"), t, 40 * MS, 0)
            .addTag(KeyValue.of("source", "file")).build(),
        span(UPLOADED, 2, "uploaded-child", Process.of("offline-db"), t + 10 * MS, 20 * MS, 1).build()));
  }

  /** A second trace that is only in a file. */
  Trace uploadedSecond() {
    long t = now - 30_000 * MS;
    return Trace.of(List.of(span(UPLOADED_SECOND, 1, "second-root", Process.of("offline-svc"), t, 5 * MS, 0).build()));
  }
}
