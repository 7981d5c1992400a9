package io.spoor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.TagType;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Status;
import io.spoor.bench.load.BatchEncoder.EncodedBody;
import io.spoor.bench.load.PeerDecoder.DecodedSpan;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import zipkin2.Span;
import zipkin2.codec.SpanBytesDecoder;

/** Each body decodes with the peer's own decoder into the spans that were generated. */
class BatchEncoderTest {
  private final List<SyntheticSpan> batch =
      new TraceGenerator(new Random(11), 4, () -> 1_700_000_000_000_000L).nextBatch(120);
  private final Map<String, SyntheticSpan> generatedById = batch.stream()
      .collect(Collectors.toMap(span -> String.format("%016x", span.spanId()), Function.identity()));

  @ParameterizedTest
  @EnumSource(Format.class)
  void everyFormatDecodesToTheGeneratedSpansTracesAndTags(Format format) {
    List<EncodedBody> bodies = format.newEncoder().encode(batch);

    List<DecodedSpan> decoded = bodies.stream()
        .flatMap(body -> PeerDecoder.decode(format, body.bytes()).stream()).toList();
    assertThat(decoded).hasSize(120);
    assertThat(bodies.stream().mapToInt(EncodedBody::spanCount).sum()).isEqualTo(120);
    assertThat(decoded.stream().map(DecodedSpan::traceId).distinct().count())
        .isEqualTo(batch.stream().map(SyntheticSpan::traceIdHigh).distinct().count());
    int extraTags = format == Format.JAEGER_THRIFT_HTTP ? 1 : 0; // Jaeger carries the kind as span.kind
    for (DecodedSpan span : decoded) {
      SyntheticSpan generated = generatedById.get(span.spanId());
      assertThat(generated).as("span %s", span.spanId()).isNotNull();
      assertThat(span.traceId())
          .isEqualTo(String.format("%016x%016x", generated.traceIdHigh(), generated.traceIdLow()));
      assertThat(span.service()).isEqualTo(generated.service());
      assertThat(span.tagCount()).isEqualTo(generated.tags().size() + extraTags);
      assertThat(span.eventCount()).isEqualTo(generated.events().size());
    }
  }

  @Test
  void jaegerSendsOneBatchPerServiceWithTypedTags() throws Exception {
    List<EncodedBody> bodies = new JaegerThriftEncoder().encode(batch);

    assertThat(bodies).hasSize(4);
    for (EncodedBody body : bodies) {
      Batch decoded = new Batch();
      new TDeserializer(new TBinaryProtocol.Factory()).deserialize(decoded, body.bytes());
      assertThat(decoded.getSpans()).hasSize(body.spanCount())
          .allSatisfy(span -> assertThat(generatedById.get(String.format("%016x", span.getSpanId())).service())
              .isEqualTo(decoded.getProcess().getServiceName()));
      assertThat(decoded.getSpans().stream().flatMap(span -> span.getTags().stream()).map(tag -> tag.getVType()))
          .contains(TagType.STRING, TagType.LONG, TagType.DOUBLE, TagType.BOOL);
      decoded.getSpans().forEach(span -> {
        SyntheticSpan generated = generatedById.get(String.format("%016x", span.getSpanId()));
        assertThat(span.getParentSpanId()).isEqualTo(generated.parentId());
        assertThat(span.getStartTime()).isEqualTo(generated.startMicros());
        assertThat(span.getDuration()).isEqualTo(generated.durationMicros());
      });
    }
  }

  @Test
  void otlpGroupsByServiceAndMarksErrors() throws Exception {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.parseFrom(new OtlpEncoder().encode(batch).get(0).bytes());

    assertThat(request.getResourceSpansCount()).isEqualTo(4);
    long errors = request.getResourceSpansList().stream()
        .flatMap(resource -> resource.getScopeSpansList().stream())
        .flatMap(scope -> scope.getSpansList().stream())
        .filter(span -> span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR)
        .count();
    assertThat(errors).isEqualTo(batch.stream().filter(SyntheticSpan::error).count()).isPositive();
  }

  @Test
  void zipkinKeepsParentsKindsAndTimestamps() {
    List<Span> decoded = SpanBytesDecoder.JSON_V2.decodeList(
        new ZipkinEncoder(zipkin2.codec.SpanBytesEncoder.JSON_V2).encode(batch).get(0).bytes());

    for (Span span : decoded) {
      SyntheticSpan generated = generatedById.get(span.id());
      assertThat(span.parentId()).isEqualTo(generated.isRoot() ? null : String.format("%016x", generated.parentId()));
      assertThat(span.timestampAsLong()).isEqualTo(generated.startMicros());
      assertThat(span.durationAsLong()).isEqualTo(generated.durationMicros());
      assertThat(span.kind() == null ? "INTERNAL" : span.kind().name()).isEqualTo(generated.kind().name());
    }
  }
}
