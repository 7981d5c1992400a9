package io.spoor.query.v3;

import io.spoor.model.DependencyLink;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import io.spoor.query.QueryReader;
import io.spoor.query.adjust.TraceAdjuster;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The traces every query API test reads, in a started memory storage:
 *
 * <ul>
 *   <li>{@link #CART} (128-bit id): {@code web} "GET /cart" (server, error, 5 ms) with a child {@code
 *       db} "SELECT" (client, one log) and an orphan {@code web} "async-job" whose parent is missing
 *   <li>{@link #HOME} (64-bit id), 10 ms later: {@code web} "GET /home" (server, 100 µs)
 *   <li>{@link #BIG}, 30 s earlier: {@value #BIG_SPANS} spans of {@code batch} "step"
 * </ul>
 *
 * plus a written dependency link hello → world (3 calls).
 */
public final class QueryTestData {
  public static final long NOW_MS = 1_700_000_000_000L;
  /** A minute before now, epoch ns. */
  public static final long T0 = (NOW_MS - 60_000) * 1_000_000;
  public static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC);
  public static final TraceId CART = TraceId.of(0x1234, 0xabcdL);
  public static final TraceId HOME = TraceId.of(0x42);
  public static final TraceId BIG = TraceId.of(0xb16);
  public static final int BIG_SPANS = 2_500;

  private QueryTestData() {}

  /** A started memory storage holding the traces above; the caller closes it. */
  public static Storage storage() {
    Storage storage = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    storage.start();
    Process web = Process.of("web", KeyValue.of("ip", "10.0.0.1"));
    Process db = Process.of("db");
    Span root = Span.newBuilder().traceId(CART).spanId(SpanId.of(1)).operationName("GET /cart")
        .process(web).startTimeNanos(T0).durationNanos(5_000_000).flags(1)
        .addTag(KeyValue.of("span.kind", "server")).addTag(KeyValue.of("http.status_code", 500L))
        .addTag(KeyValue.of("error", true)).build();
    Span child = Span.newBuilder().traceId(CART).spanId(SpanId.of(2)).operationName("SELECT")
        .process(db).startTimeNanos(T0 + 1_000_000).durationNanos(2_000_000)
        .addReference(SpanRef.childOf(CART, SpanId.of(1))).addTag(KeyValue.of("span.kind", "client"))
        .addLog(Log.of(T0 + 1_500_000, KeyValue.of("event", "rows"), KeyValue.of("n", 3L))).build();
    Span orphan = Span.newBuilder().traceId(CART).spanId(SpanId.of(3)).operationName("async-job")
        .process(web).startTimeNanos(T0 + 2_000_000).durationNanos(1_000_000)
        .addReference(SpanRef.childOf(CART, SpanId.of(99))).build();
    Span home = Span.newBuilder().traceId(HOME).spanId(SpanId.of(4)).operationName("GET /home")
        .process(web).startTimeNanos(T0 + 10_000_000).durationNanos(100_000)
        .addTag(KeyValue.of("span.kind", "server")).build();
    List<Span> spans = new ArrayList<>(List.of(root, child, orphan, home));
    Process batch = Process.of("batch");
    long bigStart = T0 - 30_000_000_000L;
    for (int i = 1; i <= BIG_SPANS; i++) {
      Span.Builder b = Span.newBuilder().traceId(BIG).spanId(SpanId.of(0x1000 + i)).operationName("step")
          .process(batch).startTimeNanos(bigStart + i * 1_000L).durationNanos(500);
      if (i > 1) {
        b.addReference(SpanRef.childOf(BIG, SpanId.of(0x1001)));
      }
      spans.add(b.build());
    }
    storage.spanWriter().write(spans);
    storage.dependencyStore().writeDependencies(Instant.ofEpochMilli(NOW_MS - 1000),
        List.of(DependencyLink.of("hello", "world", 3)));
    return storage;
  }

  public static QueryReader reader(Storage storage) {
    return new QueryReader(storage.spanReader(), storage.dependencyStore(), storage.capabilities(),
        TraceAdjuster.standard(Duration.ZERO));
  }

  /** An RFC 3339 time {@code offsetNanos} after {@link #T0}. */
  public static String rfc3339(long offsetNanos) {
    long nanos = T0 + offsetNanos;
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L))
        .toString();
  }
}
