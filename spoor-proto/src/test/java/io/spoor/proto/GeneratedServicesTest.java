package io.spoor.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.grpc.MethodDescriptor.MethodType;
import io.spoor.proto.api_v2.CollectorServiceGrpc;
import io.spoor.proto.api_v2.Model;
import io.spoor.proto.api_v2.QueryServiceGrpc;
import io.spoor.proto.api_v2.SamplingManagerGrpc;
import io.spoor.proto.api_v3.QueryServiceProto;
import io.opentelemetry.proto.trace.v1.TracesData;
import org.junit.jupiter.api.Test;

/** The generated stubs carry Jaeger's wire names, and the messages Jaeger's field numbers. */
class GeneratedServicesTest {
  @Test
  void apiV2ServiceNamesAreJaegers() {
    assertThat(CollectorServiceGrpc.SERVICE_NAME).isEqualTo("jaeger.api_v2.CollectorService");
    assertThat(CollectorServiceGrpc.getPostSpansMethod().getFullMethodName())
        .isEqualTo("jaeger.api_v2.CollectorService/PostSpans");
    assertThat(QueryServiceGrpc.SERVICE_NAME).isEqualTo("jaeger.api_v2.QueryService");
    assertThat(QueryServiceGrpc.getGetTraceMethod().getType()).isEqualTo(MethodType.SERVER_STREAMING);
    assertThat(QueryServiceGrpc.getFindTracesMethod().getFullMethodName())
        .isEqualTo("jaeger.api_v2.QueryService/FindTraces");
    assertThat(SamplingManagerGrpc.SERVICE_NAME).isEqualTo("jaeger.api_v2.SamplingManager");
    assertThat(SamplingManagerGrpc.getGetSamplingStrategyMethod().getFullMethodName())
        .isEqualTo("jaeger.api_v2.SamplingManager/GetSamplingStrategy");
  }

  @Test
  void apiV3ServiceStreamsOtlpTracesData() {
    assertThat(io.spoor.proto.api_v3.QueryServiceGrpc.SERVICE_NAME)
        .isEqualTo("jaeger.api_v3.QueryService");
    var getTrace = io.spoor.proto.api_v3.QueryServiceGrpc.getGetTraceMethod();
    assertThat(getTrace.getFullMethodName()).isEqualTo("jaeger.api_v3.QueryService/GetTrace");
    assertThat(getTrace.getType()).isEqualTo(MethodType.SERVER_STREAMING);
    // The OTLP class is the one from the opentelemetry-proto jar, not a regenerated copy.
    assertThat(QueryServiceProto.GRPCGatewayWrapper.getDescriptor().findFieldByName("result")
            .getMessageType().getFullName())
        .isEqualTo(TracesData.getDescriptor().getFullName());
    assertThat(QueryServiceProto.GRPCGatewayWrapper.newBuilder()
            .setResult(TracesData.getDefaultInstance()).build().getResult())
        .isInstanceOf(TracesData.class);
    assertThat(QueryServiceProto.TraceQueryParameters.getDescriptor().findFieldByNumber(10).getName())
        .isEqualTo("filter");
  }

  @Test
  void spanFieldNumbersMatchUpstream() {
    var span = Model.Span.getDescriptor();
    assertThat(span.getFullName()).isEqualTo("jaeger.api_v2.Span");
    assertThat(span.findFieldByNumber(1).getName()).isEqualTo("trace_id");
    assertThat(span.findFieldByNumber(5).getName()).isEqualTo("flags");
    assertThat(span.findFieldByNumber(10).getName()).isEqualTo("process");
    assertThat(span.findFieldByNumber(12).getName()).isEqualTo("warnings");
    // Field 1 is bytes: a hand-built wire message parses into the generated class.
    byte[] wire = {0x0a, 0x02, 0x01, 0x02, 0x1a, 0x01, 'x'};
    Model.Span parsed = parse(wire);
    assertThat(parsed.getTraceId()).isEqualTo(ByteString.copyFrom(new byte[] {1, 2}));
    assertThat(parsed.getOperationName()).isEqualTo("x");
  }

  private static Model.Span parse(byte[] wire) {
    try {
      return Model.Span.parseFrom(wire);
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
