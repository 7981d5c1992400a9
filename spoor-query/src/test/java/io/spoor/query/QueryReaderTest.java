package io.spoor.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.model.KeyValue;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.query.adjust.TraceAdjuster;
import io.spoor.storage.Capability;
import io.spoor.storage.SpanReader;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import io.spoor.storage.UnsupportedQueryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a backend cannot do, the query layer does: a reader over a store that declares no capability
 * still answers Spoor's extended searches right, and refuses what it cannot make up for.
 */
class QueryReaderTest {
  private Storage storage;
  private final List<TraceQuery> seenByStorage = new ArrayList<>();

  @BeforeEach
  void load() {
    storage = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    storage.start();
    for (long t = 1; t <= 6; t++) {
      storage.spanWriter().write(List.of(Span.newBuilder().traceId(TraceId.of(t)).spanId(SpanId.of(1))
          .operationName("op").process(Process.of("svc")).startTimeNanos(t * 1_000_000)
          .durationNanos(t * 1_000).addTag(KeyValue.of("http.status_code", t % 2 == 0 ? 500L : 200L)).build()));
    }
  }

  @AfterEach
  void close() {
    storage.close();
  }

  /** The memory store's reader, recording the queries it gets; capabilities are those given. */
  private QueryReader reader(Set<Capability> capabilities) {
    SpanReader spans = storage.spanReader();
    SpanReader recording = new SpanReader() {
      @Override
      public java.util.Optional<Trace> getTrace(TraceId id, io.spoor.storage.TimeWindow hint) {
        return spans.getTrace(id, hint);
      }

      @Override
      public List<Trace> findTraces(TraceQuery q) {
        seenByStorage.add(q);
        return spans.findTraces(q);
      }

      @Override
      public List<TraceId> findTraceIds(TraceQuery q) {
        return spans.findTraceIds(q);
      }

      @Override
      public List<String> getServices() {
        return spans.getServices();
      }

      @Override
      public List<io.spoor.storage.Operation> getOperations(String service, io.spoor.model.SpanKind kind) {
        return spans.getOperations(service, kind);
      }
    };
    return new QueryReader(recording, storage.dependencyStore(), capabilities, TraceAdjuster.standard(Duration.ZERO));
  }

  private static List<TraceId> ids(List<Trace> traces) {
    return traces.stream().map(Trace::traceId).toList();
  }

  @Test
  void extendedOperatorsAreEvaluatedInTheQueryLayerWhenTheBackendCannot() {
    QueryReader reader = reader(Set.of(Capability.SEARCH_WITHOUT_SERVICE));
    TraceQuery q = TraceQuery.newBuilder().serviceName("svc").limit(2)
        .addTag(TagFilter.notEqualTo("http.status_code", "200")).build();
    assertThat(ids(reader.findTraces(q, false))).containsExactly(TraceId.of(6), TraceId.of(4));
    assertThat(seenByStorage).singleElement().satisfies(sent -> {
      assertThat(sent.tags()).isEmpty();
      assertThat(sent.limit()).isEqualTo(2 * QueryReader.CANDIDATE_FACTOR);
    });
  }

  @Test
  void tagsWithDurationAreSplitWhenTheBackendCannotCombineThem() {
    QueryReader reader = reader(Set.of());
    TraceQuery q = TraceQuery.newBuilder().serviceName("svc")
        .addTag(TagFilter.equalTo("http.status_code", "500")).durationMinNanos(3_000).durationMaxNanos(4_000).build();
    assertThat(ids(reader.findTraces(q, false))).containsExactly(TraceId.of(4));
    assertThat(seenByStorage).singleElement().satisfies(sent -> assertThat(sent.hasDurationBounds()).isFalse());
  }

  @Test
  void aBackendThatCanDoEverythingGetsTheQueryAsItIs() {
    QueryReader reader = reader(Set.of(Capability.values()));
    TraceQuery q = TraceQuery.newBuilder().addTag(TagFilter.matchingRegex("http.status_code", "5..")).build();
    assertThat(ids(reader.findTraces(q, false))).containsExactly(TraceId.of(6), TraceId.of(4), TraceId.of(2));
    assertThat(seenByStorage).containsExactly(q);
  }

  @Test
  void searchWithoutServiceIsRefusedWhenTheBackendNeedsOne() {
    QueryReader reader = reader(Set.of());
    assertThatThrownBy(() -> reader.findTraces(TraceQuery.newBuilder().build(), false))
        .isInstanceOf(UnsupportedQueryException.class)
        .hasMessageContaining("parameter 'service' is required");
  }
}
