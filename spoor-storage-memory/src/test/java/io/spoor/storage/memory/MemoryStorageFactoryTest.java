package io.spoor.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.Capability;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryStorageFactoryTest {
  private final MemoryStorageFactory factory = new MemoryStorageFactory();

  @Test
  void isRegisteredByName() {
    assertThat(StorageFactory.find("memory")).get().isInstanceOf(MemoryStorageFactory.class);
    assertThat(factory.name()).isEqualTo("memory");
  }

  @Test
  void documentsItsBoundedDefault() {
    assertThat(factory.options()).first().satisfies(option -> {
      assertThat(option.name()).isEqualTo("memory.max-traces");
      assertThat(option.defaultValue()).isEqualTo("100000");
      assertThat(option.environmentVariable()).isEqualTo("MEMORY_MAX_TRACES");
      assertThat(option.description()).contains("evicted").contains("0 keeps every trace");
    });
    assertThat(factory.options()).extracting(StorageOption::name)
        .containsExactly(MemoryStorageFactory.MAX_TRACES, MemoryStorageFactory.MAX_BYTES);
    assertThat(factory.options().get(1).defaultValue()).isEqualTo("auto");
    assertThat(factory.options().get(1).environmentVariable()).isEqualTo("MEMORY_MAX_BYTES");
  }

  @Test
  void refusesAMaxTracesThatIsNotAnInteger() {
    assertThatThrownBy(() -> factory.create(settings("abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--memory.max-traces: \"abc\" (expected: an integer)");
  }

  @Test
  void refusesANegativeOrTooLargeMaxTraces() {
    assertThatThrownBy(() -> factory.create(settings("-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--memory.max-traces: -1 (expected: 0 to 2147483647; 0 keeps every trace)");
    assertThatThrownBy(() -> factory.create(settings("3000000000")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--memory.max-traces: 3000000000 (expected: 0 to 2147483647");
  }

  @Test
  void defaultBoundIsOneHundredThousandTraces() {
    try (Storage storage = factory.create(StorageSettings.empty())) {
      storage.start();
      storage.spanWriter().write(traces(1, 100_001));
      TraceTable table = ((MemoryStorage) storage).traceTable();
      assertThat(table.traceCount()).isEqualTo(100_000);
      assertThat(storage.spanReader().getTrace(TraceId.of(1))).as("the oldest trace").isEmpty();
      assertThat(storage.spanReader().getTrace(TraceId.of(2))).isPresent();
    }
  }

  @Test
  void zeroKeepsEveryTrace() {
    try (Storage storage = factory.create(settings("0"))) {
      storage.start();
      storage.spanWriter().write(traces(1, 1_000));
      assertThat(((MemoryStorage) storage).traceTable().traceCount()).isEqualTo(1_000);
      assertThat(storage.spanReader().getTrace(TraceId.of(1))).isPresent();
    }
  }

  @Test
  void declaresEveryCapabilityAndReportsHealth() {
    Storage storage = factory.create(settings("10"));
    storage.start();
    assertThat(storage.capabilities()).containsExactlyInAnyOrder(Capability.values());
    assertThat(storage.check().healthy()).isTrue();
    storage.close();
    storage.close();
    assertThat(storage.check().healthy()).isFalse();
    assertThat(storage.check().reason()).isEqualTo("memory storage: closed");
    assertThatThrownBy(() -> storage.spanWriter().write(traces(1, 1)))
        .hasMessageContaining("memory storage: closed");
  }

  private static StorageSettings settings(String maxTraces) {
    return StorageSettings.of(Map.of("memory.max-traces", maxTraces));
  }

  private static List<Span> traces(long firstId, int count) {
    List<Span> spans = new ArrayList<>(count);
    for (long id = firstId; id < firstId + count; id++) {
      spans.add(Span.newBuilder().traceId(TraceId.of(id)).spanId(SpanId.of(1))
          .process(Process.of("svc")).operationName("op").startTimeNanos(id * 1_000).build());
    }
    return spans;
  }
}
