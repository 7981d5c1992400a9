package io.spoor.query.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.spoor.codec.jaeger.proto.JaegerProtoCodec;
import io.spoor.model.DependencyLink;
import io.spoor.model.Span;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.proto.api_v2.Model;
import io.spoor.proto.api_v2.Query;
import io.spoor.proto.api_v2.QueryServiceGrpc;
import io.spoor.query.QueryReader;
import io.spoor.storage.Operation;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code jaeger.api_v2.QueryService}: traces as streams of {@code SpansResponseChunk} (each span with
 * its process, at most {@link SpanChunks#MAX_SPANS} per chunk, a trace never sharing a chunk with
 * another), services, operations and dependencies. {@code ArchiveTrace} is UNIMPLEMENTED: Spoor has no
 * archive storage. Exceptions are mapped by {@link QueryErrorMapping}.
 */
final class QueryServiceV2 extends QueryServiceGrpc.QueryServiceImplBase {
  /** The dependency window when a request leaves its start unset, as the HTTP API's default. */
  static final Duration DEFAULT_DEPENDENCY_LOOKBACK = Duration.ofDays(1);

  private final QueryReader reader;
  private final Clock clock;
  private final JaegerProtoCodec codec = new JaegerProtoCodec();

  QueryServiceV2(QueryReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
  }

  @Override
  public void getTrace(Query.GetTraceRequest request, StreamObserver<Query.SpansResponseChunk> out) {
    TraceId id = traceId(request.getTraceId().toByteArray());
    long start = request.hasStartTime() ? ProtoQueries.nanos(request.getStartTime()) : Long.MIN_VALUE;
    long end = request.hasEndTime() ? ProtoQueries.nanos(request.getEndTime()) : Long.MAX_VALUE;
    if (end < start) {
      throw new IllegalArgumentException("end_time: " + end + "ns (expected: not before start_time " + start + "ns)");
    }
    Trace trace = reader.getTrace(id, new TimeWindow(start, end), request.getRawTraces())
        .orElseThrow(() -> Status.NOT_FOUND.withDescription("trace not found: " + id.toHex()).asRuntimeException());
    send(trace, out);
    out.onCompleted();
  }

  @Override
  public void findTraces(Query.FindTracesRequest request, StreamObserver<Query.SpansResponseChunk> out) {
    if (!request.hasQuery()) {
      throw new IllegalArgumentException("query: missing (expected: TraceQueryParameters)");
    }
    Query.TraceQueryParameters p = request.getQuery();
    TraceQuery query = ProtoQueries.query(p.getServiceName(), p.getOperationName(), p.getTagsMap(),
        p.hasStartTimeMin() ? p.getStartTimeMin() : null, p.hasStartTimeMax() ? p.getStartTimeMax() : null,
        p.hasDurationMin() ? p.getDurationMin() : null, p.hasDurationMax() ? p.getDurationMax() : null,
        p.getSearchDepth());
    for (Trace trace : reader.findTraces(query, p.getRawTraces())) {
      send(trace, out);
    }
    out.onCompleted();
  }

  private void send(Trace trace, StreamObserver<Query.SpansResponseChunk> out) {
    for (List<Span> chunk : SpanChunks.of(trace.spans())) {
      Query.SpansResponseChunk.Builder b = Query.SpansResponseChunk.newBuilder();
      for (Span span : chunk) {
        b.addSpans(codec.toSpan(span));
      }
      out.onNext(b.build());
    }
  }

  @Override
  public void getServices(Query.GetServicesRequest request, StreamObserver<Query.GetServicesResponse> out) {
    out.onNext(Query.GetServicesResponse.newBuilder().addAllServices(reader.getServices()).build());
    out.onCompleted();
  }

  /** Fills both the deprecated {@code operationNames} (distinct, in order) and {@code operations}. */
  @Override
  public void getOperations(Query.GetOperationsRequest request, StreamObserver<Query.GetOperationsResponse> out) {
    List<Operation> operations = reader.getOperations(requireService(request.getService()),
        spanKind(request.getSpanKind()));
    Query.GetOperationsResponse.Builder b = Query.GetOperationsResponse.newBuilder();
    Set<String> names = new LinkedHashSet<>();
    for (Operation op : operations) {
      names.add(op.name());
      b.addOperations(Query.Operation.newBuilder().setName(op.name()).setSpanKind(op.kind().tagValue()));
    }
    out.onNext(b.addAllOperationNames(names).build());
    out.onCompleted();
  }

  /** An unset end is now; an unset start is a day before the end. */
  @Override
  public void getDependencies(Query.GetDependenciesRequest request,
      StreamObserver<Query.GetDependenciesResponse> out) {
    Instant end = request.hasEndTime() ? instant(request.getEndTime()) : clock.instant();
    Instant start = request.hasStartTime() ? instant(request.getStartTime()) : end.minus(DEFAULT_DEPENDENCY_LOOKBACK);
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end_time: " + end + " (expected: not before start_time " + start + ")");
    }
    Query.GetDependenciesResponse.Builder b = Query.GetDependenciesResponse.newBuilder();
    for (DependencyLink link : reader.getDependencies(end, Duration.between(start, end))) {
      b.addDependencies(Model.DependencyLink.newBuilder().setParent(link.parent()).setChild(link.child())
          .setCallCount(link.callCount()).setSource(link.source()));
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void archiveTrace(Query.ArchiveTraceRequest request, StreamObserver<Query.ArchiveTraceResponse> out) {
    throw Status.UNIMPLEMENTED
        .withDescription("archive storage is not configured: Spoor has no archive storage")
        .asRuntimeException();
  }

  static TraceId traceId(byte[] bytes) {
    if (bytes.length == 0) {
      throw new IllegalArgumentException("trace_id: empty (expected: 16 bytes, or 8 for a 64-bit id)");
    }
    TraceId id = TraceId.fromBytes(bytes);
    if (id.isZero()) {
      throw new IllegalArgumentException("trace_id: all zeros (expected: a non-zero id)");
    }
    return id;
  }

  static String requireService(String service) {
    if (service.isEmpty()) {
      throw new IllegalArgumentException("service: empty (expected: a service name)");
    }
    return service;
  }

  /** Empty: every kind. */
  static @Nullable SpanKind spanKind(String kind) {
    return kind.isEmpty() ? null : SpanKind.parse(kind);
  }

  static Instant instant(com.google.protobuf.Timestamp t) {
    try {
      return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("timestamp: " + t.getSeconds() + "s (expected: within "
          + Instant.MIN + " .. " + Instant.MAX + ")", e);
    }
  }
}
