package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.DependencyLink;
import io.spoor.model.Span;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Operation;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What was written before a clean close is all there after reopening the same directory. */
class RestartTest {
  private final Path path = TestDirectories.create("restart");
  private final long start = (Instant.now().getEpochSecond() - 600) * 1_000_000_000L;

  private Storage open() {
    Storage storage = StorageFactory.find("rocksdb").orElseThrow()
        .create(StorageSettings.of(Map.of(RocksDbStorageFactory.PATH, path.toString())));
    storage.start();
    return storage;
  }

  @Test
  void everythingWrittenIsReadAfterReopening() {
    List<List<Span>> traces = new ArrayList<>();
    Instant linkTime = Instant.now().minusSeconds(60);
    try (Storage storage = open()) {
      for (int t = 1; t <= 20; t++) {
        List<Span> trace = TestSpans.trace(t, "service-" + (t % 3), 5, start + t * 1_000_000_000L, 10);
        traces.add(trace);
        storage.spanWriter().write(trace);
      }
      storage.dependencyStore().writeDependencies(linkTime, List.of(DependencyLink.of("a", "b", 4)));
    }
    try (Storage storage = open()) {
      for (List<Span> written : traces) {
        Optional<Trace> read = storage.spanReader().getTrace(written.get(0).traceId());
        assertThat(read).as("trace %s", written.get(0).traceId()).isPresent();
        assertThat(read.get().spans()).containsExactlyInAnyOrderElementsOf(written);
      }
      assertThat(storage.spanReader().getServices()).containsExactly("service-0", "service-1", "service-2");
      assertThat(storage.spanReader().getOperations("service-1", SpanKind.UNSPECIFIED)).containsExactly(
          new Operation("child-0", SpanKind.UNSPECIFIED), new Operation("child-2", SpanKind.UNSPECIFIED),
          new Operation("child-3", SpanKind.UNSPECIFIED), new Operation("child-4", SpanKind.UNSPECIFIED),
          new Operation("root", SpanKind.UNSPECIFIED));
      TraceQuery query = TraceQuery.newBuilder().serviceName("service-1")
          .addTag(TagFilter.equalTo("host", "h1")).limit(3).build();
      assertThat(storage.spanReader().findTraceIds(query))
          .containsExactly(TraceId.of(19), TraceId.of(16), TraceId.of(13));
      assertThat(storage.dependencyStore().getDependencies(Instant.now(), Duration.ofMinutes(5)))
          .containsExactly(DependencyLink.of("a", "b", 4));
      assertThat(storage.check().healthy()).isTrue();
    }
  }

  @Test
  void closeIsIdempotentAndAClosedStorageRefusesWrites() {
    Storage storage = open();
    storage.close();
    storage.close();
    assertThat(storage.check().healthy()).isFalse();
    assertThat(storage.check().reason()).contains("closed");
  }
}
