package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.SyntheticSpan.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Generates batches of realistic multi-service traces: each trace has 3 to 12 spans fanning out from one root
 * over up to {@code services} services, each span 5 to 10 tags of mixed types, about a third of the spans one
 * or two events, and about one span in twenty an error. Not thread-safe; the caller owns the {@link Random}.
 */
public final class TraceGenerator {
  private static final String[] SERVICE_NAMES = {
    "frontend", "checkout", "cart", "payment", "inventory", "shipping", "email", "currency", "ads",
    "recommendation", "auth", "search"
  };
  private static final String[] OPERATIONS = {"GET /api/%s", "POST /api/%s", "%s.query", "%s.publish"};
  private static final String[] EVENT_NAMES = {"cache.miss", "retry", "exception", "message.sent"};
  static final int MIN_TAGS = 5;
  static final int MAX_TAGS = 10;

  private final Random random;
  private final int services;
  private final LongSupplier clockMicros;

  public TraceGenerator(Random random, int services, LongSupplier clockMicros) {
    this.random = requireNonNull(random, "random");
    if (services < 1) {
      throw new IllegalArgumentException("services: " + services + " (expected: >= 1)");
    }
    this.services = services;
    this.clockMicros = requireNonNull(clockMicros, "clockMicros");
  }

  /** Returns exactly {@code spanCount} spans making up whole traces (the last one may be shorter). */
  public List<SyntheticSpan> nextBatch(int spanCount) {
    if (spanCount < 1) {
      throw new IllegalArgumentException("spanCount: " + spanCount + " (expected: >= 1)");
    }
    List<SyntheticSpan> batch = new ArrayList<>(spanCount);
    while (batch.size() < spanCount) {
      int size = Math.min(spanCount - batch.size(), 3 + random.nextInt(10));
      addTrace(batch, size);
    }
    return batch;
  }

  private void addTrace(List<SyntheticSpan> batch, int size) {
    long traceIdHigh = nonZero();
    long traceIdLow = random.nextLong();
    long rootStart = clockMicros.getAsLong() - random.nextInt(1_000_000);
    List<SyntheticSpan> trace = new ArrayList<>(size);
    trace.add(span(traceIdHigh, traceIdLow, 0, serviceName(random.nextInt(services)), Kind.SERVER,
        rootStart, 1_000 + random.nextInt(500_000)));
    for (int i = 1; i < size; i++) {
      SyntheticSpan parent = trace.get(random.nextInt(trace.size()));
      boolean remote = services > 1 && random.nextBoolean();
      String service = remote ? serviceName(random.nextInt(services)) : parent.service();
      Kind kind = !service.equals(parent.service()) ? Kind.SERVER : localKind();
      long start = parent.startMicros() + random.nextInt((int) Math.max(1, parent.durationMicros() / 2));
      long duration = 1 + random.nextInt((int) Math.max(1, parent.durationMicros() / 2));
      trace.add(span(traceIdHigh, traceIdLow, parent.spanId(), service, kind, start, duration));
    }
    batch.addAll(trace);
  }

  private SyntheticSpan span(long traceIdHigh, long traceIdLow, long parentId, String service, Kind kind,
      long start, long duration) {
    String resource = SERVICE_NAMES[random.nextInt(SERVICE_NAMES.length)];
    String operation = String.format(OPERATIONS[random.nextInt(OPERATIONS.length)], resource);
    boolean error = random.nextInt(20) == 0;
    return new SyntheticSpan(traceIdHigh, traceIdLow, nonZero(), parentId, service, operation, kind, start,
        duration, error, tags(error, resource), events(start, duration));
  }

  private List<SyntheticTag> tags(boolean error, String resource) {
    List<SyntheticTag> tags = new ArrayList<>(MAX_TAGS);
    tags.add(new SyntheticTag("component", random.nextBoolean() ? "armeria" : "grpc"));
    tags.add(new SyntheticTag("http.method", random.nextBoolean() ? "GET" : "POST"));
    tags.add(new SyntheticTag("http.status_code", (long) (error ? 500 : 200)));
    tags.add(new SyntheticTag("peer.port", (long) (1024 + random.nextInt(60_000))));
    tags.add(new SyntheticTag("sampler.param", random.nextDouble()));
    List<SyntheticTag> extras = new ArrayList<>(List.of(
        new SyntheticTag("http.url", "http://" + resource + ":8080/api/" + Long.toHexString(random.nextLong())),
        new SyntheticTag("cache.hit", random.nextBoolean()),
        new SyntheticTag("db.rows", (long) random.nextInt(1_000)),
        new SyntheticTag("user.tier", random.nextBoolean() ? "gold" : "free"),
        new SyntheticTag("retry", random.nextInt(10) == 0)));
    Collections.shuffle(extras, random);
    int extraCount = random.nextInt(MAX_TAGS - MIN_TAGS + 1);
    if (error) {
      tags.add(new SyntheticTag("error", true));
      extraCount = Math.max(0, extraCount - 1);
    }
    tags.addAll(extras.subList(0, extraCount));
    return tags;
  }

  private List<SyntheticEvent> events(long start, long duration) {
    if (random.nextInt(3) != 0) {
      return List.of();
    }
    int count = 1 + random.nextInt(2);
    List<SyntheticEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long timestamp = start + random.nextInt((int) Math.max(1, duration));
      events.add(new SyntheticEvent(timestamp, EVENT_NAMES[random.nextInt(EVENT_NAMES.length)], List.of(
          new SyntheticTag("message", "attempt failed, backing off"),
          new SyntheticTag("attempt", (long) (i + 1)))));
    }
    return events;
  }

  private Kind localKind() {
    int pick = random.nextInt(10);
    if (pick < 6) {
      return Kind.CLIENT;
    }
    return pick < 9 ? Kind.INTERNAL : Kind.PRODUCER;
  }

  private String serviceName(int index) {
    String base = SERVICE_NAMES[index % SERVICE_NAMES.length];
    return index < SERVICE_NAMES.length ? base : base + "-" + index / SERVICE_NAMES.length;
  }

  private long nonZero() {
    long value = random.nextLong();
    return value != 0 ? value : 1;
  }
}
