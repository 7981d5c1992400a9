package io.spoor.query.grpc;

import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.spoor.query.QueryReader;
import java.time.Clock;
import java.util.Objects;

/**
 * Jaeger's gRPC query API on an Armeria server: {@code jaeger.api_v2.QueryService} and {@code
 * jaeger.api_v3.QueryService} in one {@link GrpcService}, with gRPC server reflection ({@code
 * grpc.reflection.v1}; Jaeger also offers v1alpha, but Armeria serves one version) and unframed
 * requests (a unary method can be called with a plain HTTP POST of protobuf or JSON). Methods run on Armeria's blocking executor; errors become
 * INVALID_ARGUMENT (bad request), NOT_FOUND (unknown trace), UNIMPLEMENTED (archive), UNAVAILABLE
 * (storage failure) or INTERNAL. Thread-safe.
 */
public final class QueryGrpcServices {
  private final QueryReader reader;
  private final Clock clock;

  /** {@code clock} gives "now" for api_v2 {@code GetDependencies} requests without an end time. */
  public QueryGrpcServices(QueryReader reader, Clock clock) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds both query services, reflection included, to {@code sb} (Jaeger serves them on port 16685). */
  public void addTo(ServerBuilder sb) {
    Objects.requireNonNull(sb, "sb").service(grpcService());
  }

  /** The services as one Armeria {@link GrpcService}, for servers that bind it themselves. */
  public GrpcService grpcService() {
    return GrpcService.builder()
        .addService(new QueryServiceV2(reader, clock))
        .addService(new QueryServiceV3(reader))
        // Armeria takes one reflection service; v1 is the current one, which grpcurl tries first.
        .addService(ProtoReflectionServiceV1.newInstance())
        .enableUnframedRequests(true)
        .useBlockingTaskExecutor(true)
        .exceptionHandler(new QueryErrorMapping())
        .build();
  }
}
