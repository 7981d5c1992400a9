package io.spoor.collector.receiver;

import io.grpc.stub.StreamObserver;
import io.spoor.codec.jaeger.proto.JaegerProtoCodec;
import io.spoor.collector.pipeline.SpanBatch;
import io.spoor.collector.pipeline.SpanProcessor;
import io.spoor.model.Span;
import io.spoor.proto.api_v2.Collector.PostSpansRequest;
import io.spoor.proto.api_v2.Collector.PostSpansResponse;
import io.spoor.proto.api_v2.CollectorServiceGrpc;
import java.util.List;

/**
 * Jaeger's gRPC {@code jaeger.api_v2.CollectorService/PostSpans} on 14250, what the Jaeger agent and
 * Jaeger's own exporters send. A span without a process inherits the batch's.
 */
public final class JaegerGrpcReceiver extends CollectorServiceGrpc.CollectorServiceImplBase {
  private final SpanProcessor processor;
  private final JaegerProtoCodec codec = new JaegerProtoCodec();

  public JaegerGrpcReceiver(SpanProcessor processor) {
    this.processor = processor;
  }

  @Override
  public void postSpans(PostSpansRequest request, StreamObserver<PostSpansResponse> response) {
    if (GrpcStatuses.refusedWhenFull(processor, "jaeger", response)) {
      return;
    }
    java.util.concurrent.CompletableFuture<Void> stored;
    try {
      List<Span> spans = codec.fromBatch(request.getBatch());
      stored = processor.process(SpanBatch.of(spans, "jaeger", "grpc"));
    } catch (RuntimeException e) {
      response.onError(GrpcStatuses.of(e).asRuntimeException());
      return;
    }
    GrpcStatuses.answerWhenStored(stored, response, PostSpansResponse::getDefaultInstance);
  }
}
