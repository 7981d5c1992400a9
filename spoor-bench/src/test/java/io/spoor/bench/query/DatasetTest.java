package io.spoor.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

class DatasetTest {
  private static final long ORIGIN = 1_700_000_000_000_000L;
  private final DatasetSpec spec = new DatasetSpec(1_050, 10, 100, 7, ORIGIN, 10_000);

  @Test
  void sendsExactlyTheSpansInRequestsOfTheGivenSizeAsZipkinJson() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    DatasetIndex index = Dataset.generate(spec, bodies::add);

    assertThat(bodies).hasSize(11);
    List<List<Span>> decoded = bodies.stream().map(SpanBytesDecoder.JSON_V2::decodeList).toList();
    assertThat(decoded.subList(0, 10)).allSatisfy(spans -> assertThat(spans).hasSize(100));
    assertThat(decoded.get(10)).hasSize(50);
    assertThat(index.spanCount()).isEqualTo(1_050);
    assertThat(index.traces().stream().mapToInt(DatasetIndex.TraceRef::spanCount).sum()).isEqualTo(1_050);
  }

  @Test
  void theIndexMatchesWhatWasSent() throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    DatasetIndex index = Dataset.generate(spec, bodies::add);

    Map<String, Integer> spansPerTrace = new LinkedHashMap<>();
    Map<String, Set<String>> servicesPerTrace = new HashMap<>();
    Set<String> tracesSeenInEarlierBodies = new HashSet<>();
    long minStart = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;
    for (byte[] body : bodies) {
      Set<String> inThisBody = new HashSet<>();
      for (Span span : SpanBytesDecoder.JSON_V2.decodeList(body)) {
        assertThat(span.traceId()).hasSize(32);
        assertThat(tracesSeenInEarlierBodies).as("a trace lies within one request").doesNotContain(span.traceId());
        inThisBody.add(span.traceId());
        spansPerTrace.merge(span.traceId(), 1, Integer::sum);
        servicesPerTrace.computeIfAbsent(span.traceId(), id -> new HashSet<>()).add(span.localServiceName());
        minStart = Math.min(minStart, span.timestampAsLong());
        maxEnd = Math.max(maxEnd, span.timestampAsLong() + span.durationAsLong());
      }
      tracesSeenInEarlierBodies.addAll(inThisBody);
    }
    assertThat(index.traces()).extracting(DatasetIndex.TraceRef::traceIdHex)
        .containsExactlyElementsOf(spansPerTrace.keySet());
    assertThat(index.traces()).allSatisfy(trace ->
        assertThat(trace.spanCount()).isEqualTo(spansPerTrace.get(trace.traceIdHex())));
    assertThat(index.services()).hasSize(10).isSorted();
    for (String service : index.services()) {
      long expected = servicesPerTrace.values().stream().filter(names -> names.contains(service)).count();
      assertThat(index.tracesOf(service)).as(service).isEqualTo((int) expected);
    }
    assertThat(index.span()).isEqualTo(new SearchWindow(minStart, maxEnd));
    assertThat(index.searchWindow(1_000)).isEqualTo(new SearchWindow(minStart - 1_000, maxEnd + 1_000));
  }

  @Test
  void tracesFollowEachOtherByTheStep() throws Exception {
    DatasetIndex index = Dataset.generate(spec, body -> { });
    int traces = index.traces().size();

    // each root starts up to 1 s before its slot and children end within the root's duration (<= 0.5 s)
    assertThat(index.span().startMicros()).isBetween(ORIGIN - 1_000_000, ORIGIN);
    assertThat(index.span().endMicros()).isBetween(ORIGIN + (traces - 1) * 10_000L - 1_000_000,
        ORIGIN + (traces - 1) * 10_000L + 1_000_000);
  }

  @Test
  void theSameSpecGivesTheSameBytesAndAnotherSeedOtherData() throws Exception {
    List<byte[]> first = new ArrayList<>();
    List<byte[]> second = new ArrayList<>();
    DatasetIndex a = Dataset.generate(spec, first::add);
    DatasetIndex b = Dataset.generate(spec, second::add);
    DatasetIndex other = Dataset.generate(new DatasetSpec(1_050, 10, 100, 8, ORIGIN, 10_000), body -> { });

    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).as("body %d", i).isEqualTo(first.get(i));
    }
    assertThat(b).isEqualTo(a);
    assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
    assertThat(other.fingerprint()).isNotEqualTo(a.fingerprint());
  }

  @Test
  void endingAtSpreadsTheExpectedTracesOverTheSpread() {
    DatasetSpec spread = DatasetSpec.endingAt(750_000, 10, 100, 1, 10_000_000_000L, 1_000_000_000L);

    assertThat(spread.stepMicros()).isEqualTo(10_000); // 100,000 expected traces over 1,000 s
    assertThat(spread.originMicros()).isEqualTo(10_000_000_000L - 1_000_000_000L - 1_000_000);
    assertThat(spread.requests()).isEqualTo(7_500);
  }

  @Test
  void aSpecWithoutSpansIsRefused() {
    assertThatThrownBy(() -> new DatasetSpec(0, 10, 100, 1, ORIGIN, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("spans: 0 (expected: >= 1)");
  }
}
