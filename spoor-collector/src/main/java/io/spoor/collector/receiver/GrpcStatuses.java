package io.spoor.collector.receiver;

import io.grpc.Status;
import io.spoor.collector.pipeline.OverCapacityException;

/** The one mapping from pipeline exceptions to gRPC statuses. */
final class GrpcStatuses {
  private GrpcStatuses() {}

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
