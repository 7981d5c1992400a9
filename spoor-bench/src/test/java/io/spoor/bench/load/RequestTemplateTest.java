package io.spoor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.bench.load.BatchEncoder.EncodedBody;
import io.spoor.bench.load.PeerDecoder.DecodedSpan;
import io.spoor.bench.load.RequestTemplate.IdEncoding;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RequestTemplateTest {
  private final List<SyntheticSpan> batch =
      new TraceGenerator(new Random(3), 3, () -> 1_700_000_000_000_000L).nextBatch(60);

  @ParameterizedTest
  @EnumSource(Format.class)
  void renderStampsTheSequenceIntoEveryTraceIdAndChangesNothingElse(Format format) {
    EncodedBody body = format.newEncoder().encode(batch).get(0);
    RequestTemplate template = RequestTemplate.of(body, format.idEncoding());
    List<DecodedSpan> original = PeerDecoder.decode(format, body.bytes());

    List<DecodedSpan> first = PeerDecoder.decode(format, template.render(0x0a0b0c0d));
    List<DecodedSpan> second = PeerDecoder.decode(format, template.render(0x0a0b0c0e));

    assertThat(first).hasSize(original.size()).hasSize(template.spanCount());
    for (int i = 0; i < original.size(); i++) {
      String traceId = original.get(i).traceId();
      assertThat(first.get(i).traceId())
          .isEqualTo(traceId.substring(0, 8) + "0a0b0c0d" + traceId.substring(16));
      assertThat(second.get(i).traceId())
          .isEqualTo(traceId.substring(0, 8) + "0a0b0c0e" + traceId.substring(16));
      assertThat(first.get(i).spanId()).isEqualTo(original.get(i).spanId());
      assertThat(first.get(i).service()).isEqualTo(original.get(i).service());
      assertThat(first.get(i).tagCount()).isEqualTo(original.get(i).tagCount());
    }
    Set<String> traces = original.stream().map(DecodedSpan::traceId).collect(Collectors.toSet());
    assertThat(first.stream().map(DecodedSpan::traceId).distinct()).hasSize(traces.size());
    assertThat(PeerDecoder.decode(format, body.bytes())).isEqualTo(original);
  }

  @Test
  void refusesABodyWithoutTheTraceIdAsDeclared() {
    EncodedBody body = new EncodedBody(new byte[] {1, 2, 3}, 1, List.of(0x1122334455667788L));

    assertThatThrownBy(() -> RequestTemplate.of(body, IdEncoding.BINARY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("trace id high half 1122334455667788 not found in a 3-byte body (expected: written as BINARY)");
  }

  @Test
  void poolHandsOutTemplatesRoundRobinWithIncreasingSequences() {
    RequestPool pool = RequestPool.generate(Format.ZIPKIN_JSON, 2, 10, 2, 1, () -> 1_700_000_000_000_000L);

    List<Set<String>> traceIds = java.util.stream.IntStream.range(0, 4)
        .mapToObj(i -> PeerDecoder.decode(Format.ZIPKIN_JSON, pool.next().body()).stream()
            .map(DecodedSpan::traceId).collect(Collectors.toSet()))
        .toList();

    assertThat(pool.templates()).hasSize(2);
    assertThat(traceIds.get(0)).allSatisfy(id -> assertThat(id.substring(8, 16)).isEqualTo("00000000"));
    assertThat(traceIds.get(3)).allSatisfy(id -> assertThat(id.substring(8, 16)).isEqualTo("00000003"));
    assertThat(traceIds.get(0)).doesNotContainAnyElementsOf(traceIds.get(2)); // same template, new sequence
    assertThat(pool.meanSpansPerRequest()).isEqualTo(10);
  }
}
