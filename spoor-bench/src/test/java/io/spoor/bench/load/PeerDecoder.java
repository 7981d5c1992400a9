package io.spoor.bench.load;

import com.google.protobuf.InvalidProtocolBufferException;
import io.jaegertracing.thriftjava.Batch;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.thrift.TDeserializer;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TBinaryProtocol;
import zipkin2.codec.SpanBytesDecoder;

/** Decodes a body with the peer's own decoder into the few fields the tests compare. */
final class PeerDecoder {
  private PeerDecoder() {}

  /** A decoded span: 32-hex trace id, 16-hex span id, service, number of tags and events. */
  record DecodedSpan(String traceId, String spanId, String service, int tagCount, int eventCount) {}

  static List<DecodedSpan> decode(Format format, byte[] body) {
    return switch (format) {
      case OTLP_HTTP, OTLP_GRPC -> decodeOtlp(body);
      case JAEGER_THRIFT_HTTP -> decodeJaeger(body);
      case ZIPKIN_JSON -> decodeZipkin(SpanBytesDecoder.JSON_V2, body);
      case ZIPKIN_PROTO3 -> decodeZipkin(SpanBytesDecoder.PROTO3, body);
    };
  }

  private static List<DecodedSpan> decodeOtlp(byte[] body) {
    ExportTraceServiceRequest request;
    try {
      request = ExportTraceServiceRequest.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not an OTLP ExportTraceServiceRequest", e);
    }
    List<DecodedSpan> spans = new ArrayList<>();
    HexFormat hex = HexFormat.of();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      String service = resourceSpans.getResource().getAttributesList().stream()
          .filter(attribute -> attribute.getKey().equals("service.name"))
          .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElseThrow();
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          spans.add(new DecodedSpan(hex.formatHex(span.getTraceId().toByteArray()),
              hex.formatHex(span.getSpanId().toByteArray()), service, span.getAttributesCount(),
              span.getEventsCount()));
        }
      }
    }
    return spans;
  }

  private static List<DecodedSpan> decodeJaeger(byte[] body) {
    Batch batch = new Batch();
    try {
      new TDeserializer(new TBinaryProtocol.Factory()).deserialize(batch, body);
    } catch (TException e) {
      throw new AssertionError("not a Jaeger Thrift Batch", e);
    }
    return batch.getSpans().stream()
        .map(span -> new DecodedSpan(
            String.format("%016x%016x", span.getTraceIdHigh(), span.getTraceIdLow()),
            String.format("%016x", span.getSpanId()), batch.getProcess().getServiceName(),
            span.getTagsSize(), span.getLogsSize()))
        .toList();
  }

  private static List<DecodedSpan> decodeZipkin(SpanBytesDecoder decoder, byte[] body) {
    return decoder.decodeList(body).stream()
        .map(span -> new DecodedSpan(span.traceId(), span.id(), span.localServiceName(), span.tags().size(),
            span.annotations().size()))
        .toList();
  }
}
