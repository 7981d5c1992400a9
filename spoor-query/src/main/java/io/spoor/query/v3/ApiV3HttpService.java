package io.spoor.query.v3;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.query.QueryReader;
import io.spoor.storage.StorageException;
import io.spoor.storage.TimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jaeger's api_v3 over HTTP JSON, the routes grpc-gateway derives from {@code
 * jaeger.api_v3.QueryService}:
 *
 * <ul>
 *   <li>{@code GET /api/v3/traces/{trace_id}?startTime=&endTime=&rawTraces=}
 *   <li>{@code GET /api/v3/traces?query.serviceName=&query.operationName=&query.attributes=
 *       &query.startTimeMin=&query.startTimeMax=&query.durationMin=&query.durationMax=
 *       &query.searchDepth=&query.rawTraces=}
 *   <li>{@code GET /api/v3/trace-summaries} with the same parameters
 *   <li>{@code GET /api/v3/services}, {@code GET /api/v3/operations?service=&spanKind=}
 *   <li>{@code GET /api/v3/dependencies?startTime=&endTime=}
 * </ul>
 *
 * <p>Traces answer {@code {"result": TracesData}} in OTLP/JSON. Every snake_case spelling Jaeger
 * accepted before (for example {@code query.start_time_min}, {@code query.num_traces}, {@code
 * span_kind}) is accepted too. Errors are mapped here once, as grpc-gateway error objects: bad
 * parameters 400, no trace 404 ({@code No traces found}), storage failure 503, anything else 500.
 * Storage reads run on Armeria's blocking executor, never on the event loop. Thread-safe.
 */
public final class ApiV3HttpService {
  private static final Logger logger = LoggerFactory.getLogger(ApiV3HttpService.class);
  private static final int GRPC_INVALID_ARGUMENT = 3;
  private static final int GRPC_NOT_FOUND = 5;
  private static final int GRPC_INTERNAL = 13;
  private static final int GRPC_UNAVAILABLE = 14;

  private final QueryReader reader;

  public ApiV3HttpService(QueryReader reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /**
   * Adds the routes under {@code basePath} ({@code /} or a prefix such as {@code /jaeger}, giving
   * {@code /jaeger/api/v3/...}), plus a 404 for any other path below {@code api/v3/}.
   */
  public void addTo(ServerBuilder sb, String basePath) {
    Objects.requireNonNull(sb, "sb");
    Objects.requireNonNull(basePath, "basePath");
    String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    String api = base + "/api/v3";
    sb.route().get(api + "/traces/{trace_id}").build(route(this::getTrace));
    sb.route().get(api + "/traces").build(route(this::findTraces));
    sb.route().get(api + "/trace-summaries").build(route(this::findTraceSummaries));
    sb.route().get(api + "/services").build(route(ctx -> Reply.ok(GatewayJson.services(reader.getServices()))));
    sb.route().get(api + "/operations").build(route(this::operations));
    sb.route().get(api + "/dependencies").build(route(this::dependencies));
    sb.service("prefix:" + api + "/", (ctx, req) -> respond(error(HttpStatus.NOT_FOUND, GRPC_NOT_FOUND,
        "no such endpoint: " + ctx.method() + " " + ctx.path())));
  }

  /** A status and a JSON body. */
  private record Reply(HttpStatus status, byte[] body) {
    static Reply ok(byte[] body) {
      return new Reply(HttpStatus.OK, body);
    }
  }

  private static Reply error(HttpStatus status, int grpcCode, String message) {
    return new Reply(status, GatewayJson.error(status, grpcCode, message));
  }

  private static HttpResponse respond(Reply reply) {
    return HttpResponse.of(reply.status(), MediaType.JSON_UTF_8, reply.body());
  }

  private static HttpService route(Function<ServiceRequestContext, Reply> handler) {
    return (ctx, req) -> HttpResponse.of(CompletableFuture.supplyAsync(() -> {
      Reply reply;
      try {
        reply = handler.apply(ctx);
      } catch (IllegalArgumentException e) {
        reply = error(HttpStatus.BAD_REQUEST, GRPC_INVALID_ARGUMENT, String.valueOf(e.getMessage()));
      } catch (StorageException e) {
        logger.warn("Storage failed for {}: {}", ctx.path(), e.toString());
        reply = error(HttpStatus.SERVICE_UNAVAILABLE, GRPC_UNAVAILABLE, String.valueOf(e.getMessage()));
      } catch (RuntimeException e) {
        logger.error("api_v3 request {} failed", ctx.path(), e);
        reply = error(HttpStatus.INTERNAL_SERVER_ERROR, GRPC_INTERNAL, e.toString());
      }
      return respond(reply);
    }, ctx.blockingTaskExecutor()));
  }

  private static Reply traces(List<Trace> traces) {
    if (traces.isEmpty()) {
      return error(HttpStatus.NOT_FOUND, GRPC_NOT_FOUND, "No traces found");
    }
    return Reply.ok(GatewayJson.result(traces));
  }

  private Reply getTrace(ServiceRequestContext ctx) {
    GatewayParameters p = new GatewayParameters(ctx.queryParams());
    String idText = String.valueOf(ctx.pathParam("trace_id"));
    TraceId id;
    try {
      id = TraceId.parse(idText);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed parameter trace_id: " + e.getMessage(), e);
    }
    GatewayParameters.Value start = p.find("startTime", "start_time");
    GatewayParameters.Value end = p.find("endTime", "end_time");
    GatewayParameters.Value raw = p.find("rawTraces", "raw_traces");
    long startNanos = start == null ? Long.MIN_VALUE : GatewayParameters.nanos(GatewayParameters.time(start));
    long endNanos = end == null ? Long.MAX_VALUE : GatewayParameters.nanos(GatewayParameters.time(end));
    if (endNanos < startNanos) {
      throw new IllegalArgumentException("malformed parameter " + end.name() + ": " + end.text()
          + " (expected: not before " + start.name() + " " + start.text() + ")");
    }
    Optional<Trace> trace = reader.getTrace(id, new TimeWindow(startNanos, endNanos),
        raw != null && GatewayParameters.bool(raw));
    return traces(trace.map(List::of).orElse(List.of()));
  }

  private Reply findTraces(ServiceRequestContext ctx) {
    GatewayParameters.Search search = new GatewayParameters(ctx.queryParams()).search();
    return traces(reader.findTraces(search.query(), search.raw()));
  }

  private Reply findTraceSummaries(ServiceRequestContext ctx) {
    GatewayParameters.Search search = new GatewayParameters(ctx.queryParams()).search();
    List<TraceSummary> summaries = new ArrayList<>();
    for (Trace t : reader.findTraces(search.query(), search.raw())) {
      summaries.add(TraceSummary.of(t));
    }
    return Reply.ok(GatewayJson.summaries(summaries));
  }

  private Reply operations(ServiceRequestContext ctx) {
    GatewayParameters p = new GatewayParameters(ctx.queryParams());
    GatewayParameters.Value service = p.find("service");
    if (service == null) {
      throw new IllegalArgumentException("parameter service is required");
    }
    GatewayParameters.Value kindParam = p.find("spanKind", "span_kind");
    SpanKind kind = null;
    if (kindParam != null) {
      try {
        kind = SpanKind.parse(kindParam.text());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("malformed parameter " + kindParam.name() + ": " + e.getMessage(), e);
      }
    }
    return Reply.ok(GatewayJson.operations(reader.getOperations(service.text(), kind)));
  }

  private Reply dependencies(ServiceRequestContext ctx) {
    GatewayParameters p = new GatewayParameters(ctx.queryParams());
    GatewayParameters.Value start = p.find("startTime", "start_time");
    GatewayParameters.Value end = p.find("endTime", "end_time");
    if (start == null || end == null) {
      throw new IllegalArgumentException("startTime and endTime are required");
    }
    Instant from = GatewayParameters.time(start);
    Instant to = GatewayParameters.time(end);
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("malformed parameter " + end.name() + ": " + end.text()
          + " (expected: after " + start.name() + " " + start.text() + ")");
    }
    return Reply.ok(GatewayJson.dependencies(reader.getDependencies(to, Duration.between(from, to))));
  }
}
