package io.spoor.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanSize;
import io.spoor.model.TraceId;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.TraceQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code memory.max-bytes}: the store stays below its estimated heap budget, oldest traces first. */
class ByteBoundTest {
  private static Span span(long trace, int valueLength) {
    return Span.newBuilder().traceId(TraceId.of(trace)).spanId(SpanId.of(1)).operationName("op")
        .process(Process.of("svc")).startTimeNanos(trace * 1_000).durationNanos(10)
        .addTag(KeyValue.of("payload", "x".repeat(valueLength))).build();
  }

  @Test
  void oldestTracesGoWhenTheByteBudgetIsExceeded() {
    long one = SpanSize.estimate(span(1, 10_000));
    MemoryStorage storage = new MemoryStorage(0, one * 3 + one / 2);
    for (long t = 1; t <= 10; t++) {
      storage.spanWriter().write(List.of(span(t, 10_000)));
    }
    List<TraceId> kept = storage.spanReader().findTraceIds(TraceQuery.newBuilder().build());
    assertThat(kept).containsExactly(TraceId.of(10), TraceId.of(9), TraceId.of(8));
    assertThat(storage.traceTable().estimatedBytes()).isLessThanOrEqualTo(one * 3 + one / 2);
    storage.purge();
    assertThat(storage.traceTable().estimatedBytes()).isZero();
  }

  @Test
  void aSingleTraceLargerThanTheBudgetIsStillStored() {
    MemoryStorage storage = new MemoryStorage(0, 100);
    storage.spanWriter().write(List.of(span(1, 1_000)));
    assertThat(storage.spanReader().getTrace(TraceId.of(1))).isPresent();
  }

  @Test
  void theDefaultIsAFractionOfTheHeapAndCanBeSetOrTurnedOff() {
    MemoryStorageFactory factory = new MemoryStorageFactory(1_000_000_000L);
    long one = SpanSize.estimate(span(1, 100_000));
    MemoryStorage auto = (MemoryStorage) factory.create(StorageSettings.empty());
    for (long t = 1; t <= 5_000; t++) {
      auto.spanWriter().write(List.of(span(t, 100_000)));
    }
    assertThat(auto.traceTable().estimatedBytes()).isLessThanOrEqualTo(400_000_000L).isGreaterThan(400_000_000L - one);
    MemoryStorage unbounded = (MemoryStorage) factory.create(StorageSettings.of(Map.of("memory.max-bytes", "0")));
    assertThat(unbounded.traceTable()).isNotNull();
    assertThatThrownBy(() -> factory.create(StorageSettings.of(Map.of("memory.max-bytes", "-5"))))
        .hasMessageContaining("--memory.max-bytes: -5");
    assertThatThrownBy(() -> factory.create(StorageSettings.of(Map.of("memory.max-bytes", "lots"))))
        .hasMessageContaining("--memory.max-bytes: \"lots\" (expected: an integer)");
  }
}
