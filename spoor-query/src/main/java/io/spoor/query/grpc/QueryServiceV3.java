package io.spoor.query.grpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.spoor.codec.otlp.OtlpCodec;
import io.spoor.model.DependencyLink;
import io.spoor.model.Span;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.proto.api_v3.QueryServiceGrpc;
import io.spoor.proto.api_v3.QueryServiceProto;
import io.spoor.query.QueryReader;
import io.spoor.query.v3.TraceSummary;
import io.spoor.storage.Operation;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code jaeger.api_v3.QueryService}: traces as streams of OTLP {@code TracesData} (at most {@link
 * SpanChunks#MAX_SPANS} spans per message, a trace never sharing a message with another), trace
 * summaries, services, operations and dependencies. Searches need {@code start_time_min} and {@code
 * start_time_max}; a non-empty {@code filter} expression is refused, since Spoor does not evaluate
 * them. Exceptions are mapped by {@link QueryErrorMapping}.
 */
final class QueryServiceV3 extends QueryServiceGrpc.QueryServiceImplBase {
  private final QueryReader reader;

  QueryServiceV3(QueryReader reader) {
    this.reader = reader;
  }

  @Override
  public void getTrace(QueryServiceProto.GetTraceRequest request, StreamObserver<TracesData> out) {
    TraceId id;
    try {
      id = TraceId.parse(request.getTraceId());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("trace_id: " + e.getMessage(), e);
    }
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
  public void findTraces(QueryServiceProto.FindTracesRequest request, StreamObserver<TracesData> out) {
    QueryServiceProto.TraceQueryParameters p = requireQuery(request.hasQuery(), request.getQuery());
    for (Trace trace : reader.findTraces(query(p), p.getRawTraces())) {
      send(trace, out);
    }
    out.onCompleted();
  }

  /** All summaries in one response message (none when nothing matched). */
  @Override
  public void findTraceSummaries(QueryServiceProto.FindTraceSummariesRequest request,
      StreamObserver<QueryServiceProto.FindTraceSummariesResponse> out) {
    QueryServiceProto.TraceQueryParameters p = requireQuery(request.hasQuery(), request.getQuery());
    List<Trace> traces = reader.findTraces(query(p), p.getRawTraces());
    if (!traces.isEmpty()) {
      QueryServiceProto.FindTraceSummariesResponse.Builder b =
          QueryServiceProto.FindTraceSummariesResponse.newBuilder();
      for (Trace t : traces) {
        b.addSummaries(toProto(TraceSummary.of(t)));
      }
      out.onNext(b.build());
    }
    out.onCompleted();
  }

  private static void send(Trace trace, StreamObserver<TracesData> out) {
    for (List<Span> chunk : SpanChunks.of(trace.spans())) {
      out.onNext(OtlpCodec.encode(chunk));
    }
  }

  private static QueryServiceProto.TraceQueryParameters requireQuery(boolean present,
      QueryServiceProto.TraceQueryParameters query) {
    if (!present) {
      throw new IllegalArgumentException("query: missing (expected: TraceQueryParameters)");
    }
    return query;
  }

  /**
   * @throws IllegalArgumentException when the query has a filter expression or lacks either start
   *     time bound
   */
  private static TraceQuery query(QueryServiceProto.TraceQueryParameters p) {
    if (p.hasFilter() && !p.getFilter().equals(p.getFilter().getDefaultInstanceForType())) {
      throw new IllegalArgumentException("filter expressions are not supported");
    }
    if (!p.hasStartTimeMin() || !p.hasStartTimeMax()) {
      throw new IllegalArgumentException("start_time_min and start_time_max are required");
    }
    return ProtoQueries.query(p.getServiceName(), p.getOperationName(), p.getAttributesMap(),
        p.getStartTimeMin(), p.getStartTimeMax(), p.hasDurationMin() ? p.getDurationMin() : null,
        p.hasDurationMax() ? p.getDurationMax() : null, p.getSearchDepth());
  }

  private static QueryServiceProto.TraceSummary toProto(TraceSummary s) {
    QueryServiceProto.TraceSummary.Builder b = QueryServiceProto.TraceSummary.newBuilder()
        .setTraceId(s.traceId().toHex128())
        .setRootServiceName(s.rootServiceName())
        .setRootOperationName(s.rootOperationName())
        .setMinStartTimeUnixNano(Math.max(0, s.minStartTimeNanos()))
        .setMaxEndTimeUnixNano(Math.max(0, s.maxEndTimeNanos()))
        .setSpanCount(s.spanCount())
        .setErrorSpanCount(s.errorSpanCount())
        .setOrphanSpanCount(s.orphanSpanCount());
    for (TraceSummary.ServiceSummary service : s.services()) {
      b.addServices(QueryServiceProto.ServiceSummary.newBuilder().setName(service.name())
          .setSpanCount(service.spanCount()).setErrorSpanCount(service.errorSpanCount()));
    }
    return b.build();
  }

  @Override
  public void getServices(QueryServiceProto.GetServicesRequest request,
      StreamObserver<QueryServiceProto.GetServicesResponse> out) {
    out.onNext(QueryServiceProto.GetServicesResponse.newBuilder().addAllServices(reader.getServices()).build());
    out.onCompleted();
  }

  @Override
  public void getOperations(QueryServiceProto.GetOperationsRequest request,
      StreamObserver<QueryServiceProto.GetOperationsResponse> out) {
    List<Operation> operations = reader.getOperations(QueryServiceV2.requireService(request.getService()),
        QueryServiceV2.spanKind(request.getSpanKind()));
    QueryServiceProto.GetOperationsResponse.Builder b = QueryServiceProto.GetOperationsResponse.newBuilder();
    for (Operation op : operations) {
      b.addOperations(QueryServiceProto.Operation.newBuilder().setName(op.name()).setSpanKind(op.kind().tagValue()));
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  /** Both times are required; the window is {@code [start_time, end_time]}. */
  @Override
  public void getDependencies(QueryServiceProto.GetDependenciesRequest request,
      StreamObserver<QueryServiceProto.DependenciesResponse> out) {
    if (!request.hasStartTime() || !request.hasEndTime()) {
      throw new IllegalArgumentException("start_time and end_time are required");
    }
    Instant start = QueryServiceV2.instant(request.getStartTime());
    Instant end = QueryServiceV2.instant(request.getEndTime());
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end_time: " + end + " (expected: not before start_time " + start + ")");
    }
    QueryServiceProto.DependenciesResponse.Builder b = QueryServiceProto.DependenciesResponse.newBuilder();
    for (DependencyLink link : reader.getDependencies(end, Duration.between(start, end))) {
      b.addDependencies(QueryServiceProto.Dependency.newBuilder().setParent(link.parent())
          .setChild(link.child()).setCallCount(link.callCount()));
    }
    out.onNext(b.build());
    out.onCompleted();
  }
}
