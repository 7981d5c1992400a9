package io.spoor.codec.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;

/** Small builders for OTLP test messages. */
final class OtlpProtos {
  static final String TRACE = "5b8efff798038103d269b633813fc60c";
  static final String SPAN = "eee19b7ec3c1b174";
  static final String PARENT = "eee19b7ec3c1b173";

  private OtlpProtos() {}

  static ByteString hex(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static KeyValue attr(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static KeyValue attr(String key, String value) {
    return attr(key, AnyValue.newBuilder().setStringValue(value).build());
  }

  static Span.Builder span() {
    return Span.newBuilder()
        .setTraceId(hex(TRACE))
        .setSpanId(hex(SPAN))
        .setName("op")
        .setStartTimeUnixNano(1_000_000_000_000_000_001L)
        .setEndTimeUnixNano(1_000_000_000_000_500_002L);
  }

  static ExportTraceServiceRequest request(Resource resource, InstrumentationScope scope,
      Span... spans) {
    ScopeSpans.Builder ss = ScopeSpans.newBuilder().setScope(scope);
    for (Span s : spans) {
      ss.addSpans(s);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().setResource(resource).addScopeSpans(ss))
        .build();
  }

  static ExportTraceServiceRequest request(Span... spans) {
    return request(Resource.newBuilder().addAttributes(attr("service.name", "svc")).build(),
        InstrumentationScope.getDefaultInstance(), spans);
  }
}
