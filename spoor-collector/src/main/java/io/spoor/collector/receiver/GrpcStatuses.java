package io.spoor.collector.receiver;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.spoor.collector.pipeline.SpanProcessor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import io.spoor.collector.pipeline.OverCapacityException;

/** The one mapping from pipeline outcomes to gRPC answers, shared by the gRPC receivers. */
final class GrpcStatuses {
  private GrpcStatuses() {}

  /**
   * Answers RESOURCE_EXHAUSTED, before anything is decoded, when the pipeline has no room.
   *
   * @return whether the request was refused
   */
  static boolean refusedWhenFull(SpanProcessor processor, String format, StreamObserver<?> response) {
    if (processor.hasCapacity()) {
      return false;
    }
    processor.refusedBeforeDecoding(format, "grpc");
    response.onError(Status.RESOURCE_EXHAUSTED
        .withDescription("collector queue is full; retry later").asRuntimeException());
    return true;
  }

  /** Answers once the spans are stored, so that an acknowledged span survives a crash. */
  static <T> void answerWhenStored(CompletableFuture<Void> stored, StreamObserver<T> response, Supplier<T> answer) {
    stored.whenComplete((ok, error) -> {
      if (error != null) {
        response.onError(of(error).asRuntimeException());
        return;
      }
      response.onNext(answer.get());
      response.onCompleted();
    });
  }

  static Status of(Throwable error) {
    Throwable e = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (e instanceof io.spoor.storage.StorageException) {
      return Status.UNAVAILABLE.withDescription("cannot store spans: " + e.getMessage());
    }
    if (e instanceof OverCapacityException) {
      return Status.RESOURCE_EXHAUSTED.withDescription(e.getMessage());
    }
    if (e instanceof IllegalArgumentException) {
      return Status.INVALID_ARGUMENT.withDescription(e.getMessage());
    }
    return Status.INTERNAL.withDescription(e.toString()).withCause(e);
  }
}
