package io.spoor.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Several writers and readers at once: no exception, nothing lost, every read consistent. */
class ConcurrencyTest {
  private static final int WRITERS = 4;
  private static final int READERS = 4;
  private static final int TRACES_PER_WRITER = 300;
  private static final int SPANS_PER_TRACE = 6;
  private static final long BASE = 1_700_000_000_000_000_000L;

  private final MemoryStorage storage = new MemoryStorage(0, 0);
  private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("pool stopped").isTrue();
  }

  @Test
  void concurrentWritersAndReadersLoseNothing() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    AtomicBoolean writing = new AtomicBoolean(true);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(pool.submit(() -> {
        start.await();
        for (int t = 0; t < TRACES_PER_WRITER; t++) {
          long traceId = writer * 1_000_000L + t + 1;
          // Each trace arrives in two batches, the second after other traces were written.
          storage.spanWriter().write(spans(traceId, 0, SPANS_PER_TRACE / 2));
          if (t > 0) {
            storage.spanWriter().write(spans(traceId - 1, SPANS_PER_TRACE / 2, SPANS_PER_TRACE));
          }
        }
        long last = writer * 1_000_000L + TRACES_PER_WRITER;
        storage.spanWriter().write(spans(last, SPANS_PER_TRACE / 2, SPANS_PER_TRACE));
        return null;
      }));
    }
    AtomicLong reads = new AtomicLong();
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < READERS; r++) {
      readers.add(pool.submit(() -> {
        start.await();
        while (writing.get()) {
          readEverything();
          reads.incrementAndGet();
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }
    writing.set(false);
    for (Future<?> reader : readers) {
      reader.get(60, TimeUnit.SECONDS);
    }
    assertThat(reads.get()).isPositive();

    assertThat(storage.traceTable().traceCount()).isEqualTo(WRITERS * TRACES_PER_WRITER);
    for (int w = 0; w < WRITERS; w++) {
      for (int t = 1; t <= TRACES_PER_WRITER; t++) {
        Optional<Trace> trace = storage.spanReader().getTrace(TraceId.of(w * 1_000_000L + t));
        assertThat(trace).isPresent();
        assertThat(trace.get().spans()).extracting(Span::spanId)
            .containsExactlyInAnyOrderElementsOf(ids(SPANS_PER_TRACE));
      }
    }
    assertThat(storage.spanReader().findTraces(TraceQuery.newBuilder().limit(100_000).build()))
        .hasSize(WRITERS * TRACES_PER_WRITER)
        .allSatisfy(trace -> assertThat(trace.spans()).hasSize(SPANS_PER_TRACE));
    assertThat(storage.spanReader().getServices()).containsExactly("api", "db");
  }

  /** Reads that must hold at any moment: whatever is returned is internally consistent. */
  private void readEverything() {
    List<Trace> found = storage.spanReader().findTraces(
        TraceQuery.newBuilder().serviceName("db").addTag(TagFilter.equalTo("db.rows", "3")).limit(50).build());
    for (int i = 1; i < found.size(); i++) {
      assertThat(found.get(i - 1).startTimeNanos()).isGreaterThanOrEqualTo(found.get(i).startTimeNanos());
    }
    for (Trace trace : found) {
      assertThat(trace.spans()).allSatisfy(s -> assertThat(s.traceId()).isEqualTo(trace.traceId()));
    }
    storage.spanReader().getTrace(TraceId.of(1));
    storage.spanReader().getServices();
    storage.spanReader().getOperations("api", null);
    storage.dependencyStore().getDependencies(Instant.ofEpochSecond(0, BASE).plusSeconds(3600), Duration.ofHours(2));
  }

  private static List<SpanId> ids(int count) {
    List<SpanId> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(SpanId.of(i));
    }
    return out;
  }

  /** Spans {@code from + 1 .. to} of a trace: odd ids in "api", even ids in "db", each a child of id 1. */
  private static List<Span> spans(long traceId, int from, int to) {
    List<Span> out = new ArrayList<>();
    for (int i = from + 1; i <= to; i++) {
      Span.Builder span = Span.newBuilder().traceId(TraceId.of(traceId)).spanId(SpanId.of(i))
          .operationName("op-" + i).process(Process.of(i % 2 == 1 ? "api" : "db"))
          .startTimeNanos(BASE + traceId * 1_000 + i).durationNanos(1_000)
          .addTag(KeyValue.of("db.rows", (long) i));
      if (i > 1) {
        span.addReference(SpanRef.childOf(TraceId.of(traceId), SpanId.of(1)));
      }
      out.add(span.build());
    }
    return out;
  }
}
