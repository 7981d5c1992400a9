package io.spoor.query.grpc;

import com.linecorp.armeria.common.RequestContext;
import com.linecorp.armeria.common.grpc.GrpcExceptionHandlerFunction;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.spoor.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the query services' exceptions become gRPC statuses: a status thrown on purpose
 * (NOT_FOUND, UNIMPLEMENTED) is kept; bad input ({@link IllegalArgumentException}, including {@code
 * UnsupportedQueryException}) is INVALID_ARGUMENT; a storage failure is UNAVAILABLE; anything else is
 * INTERNAL and logged once. The message is the exception's.
 */
final class QueryErrorMapping implements GrpcExceptionHandlerFunction {
  private static final Logger logger = LoggerFactory.getLogger(QueryErrorMapping.class);

  @Override
  public Status apply(RequestContext ctx, Status status, Throwable cause, Metadata metadata) {
    return toStatus(ctx, cause);
  }

  static Status toStatus(RequestContext ctx, Throwable cause) {
    if (cause instanceof StatusRuntimeException e) {
      return e.getStatus();
    }
    if (cause instanceof StatusException e) {
      return e.getStatus();
    }
    if (cause instanceof IllegalArgumentException) {
      return Status.INVALID_ARGUMENT.withDescription(cause.getMessage()).withCause(cause);
    }
    if (cause instanceof StorageException) {
      logger.warn("Storage failed for {}: {}", ctx.path(), cause.toString());
      return Status.UNAVAILABLE.withDescription(cause.getMessage()).withCause(cause);
    }
    logger.error("gRPC query {} failed", ctx.path(), cause);
    return Status.INTERNAL.withDescription(cause.toString()).withCause(cause);
  }
}
