package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import java.util.List;
import zipkin2.Endpoint;
import zipkin2.Span;
import zipkin2.codec.SpanBytesEncoder;

/**
 * Encodes a batch as one Zipkin v2 span list with zipkin2's own {@link SpanBytesEncoder} (JSON or proto3), the
 * body of {@code POST /api/v2/spans}. Tags become strings and events annotations, since Zipkin has nothing
 * richer; an event's attributes are dropped for the same reason.
 */
public final class ZipkinEncoder implements BatchEncoder {
  private final SpanBytesEncoder encoder;

  ZipkinEncoder(SpanBytesEncoder encoder) {
    this.encoder = requireNonNull(encoder, "encoder");
  }

  @Override
  public List<EncodedBody> encode(List<SyntheticSpan> batch) {
    return List.of(EncodedBody.of(encoder.encodeList(toSpans(batch)), batch));
  }

  public static List<Span> toSpans(List<SyntheticSpan> batch) {
    return batch.stream().map(ZipkinEncoder::toSpan).toList();
  }

  private static Span toSpan(SyntheticSpan span) {
    Span.Builder builder = Span.newBuilder()
        .traceId(span.traceIdHigh(), span.traceIdLow())
        .id(span.spanId())
        .name(span.operation())
        .timestamp(span.startMicros())
        .duration(span.durationMicros())
        .localEndpoint(Endpoint.newBuilder().serviceName(span.service()).ip("10.0.0.7").port(8080).build());
    if (!span.isRoot()) {
      builder.parentId(span.parentId());
    }
    Span.Kind kind = kind(span.kind());
    if (kind != null) {
      builder.kind(kind);
    }
    span.tags().forEach(tag -> builder.putTag(tag.key(), tag.valueAsString()));
    span.events().forEach(event -> builder.addAnnotation(event.timestampMicros(), event.name()));
    return builder.build();
  }

  private static Span.@org.jspecify.annotations.Nullable Kind kind(SyntheticSpan.Kind kind) {
    return switch (kind) {
      case SERVER -> Span.Kind.SERVER;
      case CLIENT -> Span.Kind.CLIENT;
      case PRODUCER -> Span.Kind.PRODUCER;
      case CONSUMER -> Span.Kind.CONSUMER;
      case INTERNAL -> null;
    };
  }
}
