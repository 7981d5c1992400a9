package io.spoor.collector.receiver;

import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.spoor.codec.otlp.OtlpCodec;
import io.spoor.codec.otlp.OtlpDecodeResult;
import io.spoor.collector.pipeline.SpanBatch;
import io.spoor.collector.pipeline.SpanProcessor;

/**
 * OTLP/gRPC {@code TraceService/Export} on 4317. Bad input is INVALID_ARGUMENT, a full queue
 * RESOURCE_EXHAUSTED (which OTLP exporters retry); spans with bad ids are reported as partial
 * success.
 */
public final class OtlpGrpcReceiver extends TraceServiceGrpc.TraceServiceImplBase {
  private final SpanProcessor processor;

  public OtlpGrpcReceiver(SpanProcessor processor) {
    this.processor = processor;
  }

  @Override
  public void export(ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> response) {
    if (GrpcStatuses.refusedWhenFull(processor, "otlp", response)) {
      return;
    }
    OtlpDecodeResult result;
    try {
      result = OtlpCodec.decode(request);
    } catch (IllegalArgumentException e) {
      response.onError(GrpcStatuses.of(e).asRuntimeException());
      return;
    }
    java.util.concurrent.CompletableFuture<Void> stored;
    try {
      stored = processor.process(SpanBatch.of(result.spans(), "otlp", "grpc"));
    } catch (RuntimeException e) {
      response.onError(GrpcStatuses.of(e).asRuntimeException());
      return;
    }
    GrpcStatuses.answerWhenStored(stored, response, () -> OtlpHttpReceiver.response(result));
  }
}
