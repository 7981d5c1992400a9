package io.spoor.bench.load;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Encodes a batch as one OTLP {@link ExportTraceServiceRequest} (protobuf), one {@code ResourceSpans} per
 * service, as an OpenTelemetry SDK exporter in each service would if they shared a pipeline.
 */
final class OtlpEncoder implements BatchEncoder {

  @Override
  public List<EncodedBody> encode(List<SyntheticSpan> batch) {
    return List.of(EncodedBody.of(toRequest(batch).toByteArray(), batch));
  }

  static ExportTraceServiceRequest toRequest(List<SyntheticSpan> batch) {
    Map<String, ScopeSpans.Builder> byService = new LinkedHashMap<>();
    for (SyntheticSpan span : batch) {
      byService.computeIfAbsent(span.service(), service -> ScopeSpans.newBuilder()
              .setScope(InstrumentationScope.newBuilder().setName("spoor-bench").setVersion("1.0")))
          .addSpans(toSpan(span));
    }
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    byService.forEach((service, scopeSpans) -> request.addResourceSpans(ResourceSpans.newBuilder()
        .setResource(Resource.newBuilder()
            .addAttributes(attribute(new SyntheticTag("service.name", service)))
            .addAttributes(attribute(new SyntheticTag("host.name", service + "-7f9c")))
            .addAttributes(attribute(new SyntheticTag("telemetry.sdk.language", "java"))))
        .addScopeSpans(scopeSpans)));
    return request.build();
  }

  private static Span toSpan(SyntheticSpan span) {
    long startNanos = TimeUnit.MICROSECONDS.toNanos(span.startMicros());
    Span.Builder builder = Span.newBuilder()
        .setTraceId(ByteString.copyFrom(ByteBuffer.allocate(16)
            .putLong(span.traceIdHigh()).putLong(span.traceIdLow()).array()))
        .setSpanId(id(span.spanId()))
        .setName(span.operation())
        .setKind(kind(span.kind()))
        .setStartTimeUnixNano(startNanos)
        .setEndTimeUnixNano(startNanos + TimeUnit.MICROSECONDS.toNanos(span.durationMicros()));
    if (!span.isRoot()) {
      builder.setParentSpanId(id(span.parentId()));
    }
    span.tags().forEach(tag -> builder.addAttributes(attribute(tag)));
    for (SyntheticEvent event : span.events()) {
      Span.Event.Builder otlpEvent = Span.Event.newBuilder()
          .setName(event.name())
          .setTimeUnixNano(TimeUnit.MICROSECONDS.toNanos(event.timestampMicros()));
      event.attributes().forEach(attribute -> otlpEvent.addAttributes(attribute(attribute)));
      builder.addEvents(otlpEvent);
    }
    if (span.error()) {
      builder.setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("failed"));
    }
    return builder.build();
  }

  private static ByteString id(long id) {
    return ByteString.copyFrom(ByteBuffer.allocate(8).putLong(id).array());
  }

  private static KeyValue attribute(SyntheticTag tag) {
    AnyValue.Builder value = AnyValue.newBuilder();
    Object raw = tag.value();
    if (raw instanceof String text) {
      value.setStringValue(text);
    } else if (raw instanceof Long number) {
      value.setIntValue(number);
    } else if (raw instanceof Double number) {
      value.setDoubleValue(number);
    } else {
      value.setBoolValue((Boolean) raw);
    }
    return KeyValue.newBuilder().setKey(tag.key()).setValue(value).build();
  }

  private static Span.SpanKind kind(SyntheticSpan.Kind kind) {
    return switch (kind) {
      case SERVER -> Span.SpanKind.SPAN_KIND_SERVER;
      case CLIENT -> Span.SpanKind.SPAN_KIND_CLIENT;
      case INTERNAL -> Span.SpanKind.SPAN_KIND_INTERNAL;
      case PRODUCER -> Span.SpanKind.SPAN_KIND_PRODUCER;
      case CONSUMER -> Span.SpanKind.SPAN_KIND_CONSUMER;
    };
  }
}
