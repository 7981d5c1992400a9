package io.spoor.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusCounterTest {
  @Test
  void sumsTheSamplesOfAllLabelSets() {
    String exposition = """
        # HELP zipkin_collector_spans_total Spans received
        # TYPE zipkin_collector_spans_total counter
        zipkin_collector_spans_total{transport="http",} 1500.0
        zipkin_collector_spans_total{transport="grpc",} 500.0
        zipkin_collector_spans_dropped_total{transport="http",} 7.0
        """;

    assertThat(PrometheusCounter.sum(exposition, "zipkin_collector_spans_total")).hasValue(2000.0);
  }

  @Test
  void readsAnUnlabelledSampleAndIgnoresLongerNames() {
    String exposition = "spoor_collector_spans_saved_total 1.0E6\nspoor_collector_spans_saved_total_extra 3\n";

    assertThat(PrometheusCounter.sum(exposition, "spoor_collector_spans_saved_total")).hasValue(1_000_000.0);
  }

  @Test
  void aMissingCounterIsEmpty() {
    assertThat(PrometheusCounter.sum("other_total 1\n", "spoor_collector_spans_saved_total")).isEmpty();
  }
}
