package io.spoor.query.http;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.spoor.codec.uijson.ApiError;
import io.spoor.codec.uijson.JsonWritable;
import io.spoor.codec.uijson.UiEnvelope;
import io.spoor.codec.uijson.UiJson;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.query.QueryReader;
import io.spoor.query.v3.TraceSummary;
import io.spoor.storage.Operation;
import io.spoor.storage.StorageException;
import io.spoor.storage.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jaeger's {@code /api/*} JSON endpoints: traces by id and by search, services, operations,
 * dependencies. Storage reads run on Armeria's blocking executor, never on the event loop. Errors are
 * mapped here once: bad parameters 400, unknown trace 404, storage failure 503, anything else 500 —
 * always in Jaeger's envelope, with the reason in {@code errors[].msg}.
 */
public final class HttpQueryApi {
  private static final Logger logger = LoggerFactory.getLogger(HttpQueryApi.class);
  /** Jaeger's default dependency window. */
  static final Duration DEFAULT_DEPENDENCY_LOOKBACK = Duration.ofDays(1);

  private final QueryReader reader;
  private final Clock clock;
  private final SearchParameters search;

  public HttpQueryApi(QueryReader reader, Clock clock) {
    this.reader = reader;
    this.clock = clock;
    this.search = new SearchParameters(clock);
  }

  /** Adds the routes under {@code basePath} ({@code /} or a prefix such as {@code /jaeger}). */
  public void addTo(ServerBuilder sb, String basePath) {
    String api = (basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath) + "/api";
    sb.service(api + "/traces/{traceId}", route(this::getTrace));
    sb.service(api + "/traces", route(this::findTraces));
    sb.service(api + "/trace-summaries", route(this::findTraceSummaries));
    sb.service(api + "/services", route((ctx) -> services()));
    sb.service(api + "/services/{service}/operations", route(this::serviceOperations));
    sb.service(api + "/operations", route(this::operations));
    sb.service(api + "/dependencies", route(this::dependencies));
    sb.service("prefix:" + api + "/", (ctx, req) -> reply(ctx,
        UiEnvelope.error(404, "no such endpoint: " + ctx.path()), HttpStatus.NOT_FOUND));
  }

  /** A reply with its status. */
  record Reply(HttpStatus status, UiEnvelope envelope) {
    static Reply ok(UiEnvelope envelope) {
      return new Reply(HttpStatus.OK, envelope);
    }
  }

  private HttpService route(Function<ServiceRequestContext, Reply> handler) {
    return (ctx, req) -> HttpResponse.of(CompletableFuture.supplyAsync(() -> {
      Reply reply;
      try {
        reply = handler.apply(ctx);
      } catch (IllegalArgumentException e) {
        reply = new Reply(HttpStatus.BAD_REQUEST, UiEnvelope.error(400, e.getMessage()));
      } catch (StorageException e) {
        logger.warn("Storage failed for {}: {}", ctx.path(), e.toString());
        reply = new Reply(HttpStatus.SERVICE_UNAVAILABLE, UiEnvelope.error(503, e.getMessage()));
      } catch (RuntimeException e) {
        logger.error("Query {} failed", ctx.path(), e);
        reply = new Reply(HttpStatus.INTERNAL_SERVER_ERROR, UiEnvelope.error(500, e.toString()));
      }
      return reply(ctx, reply.envelope(), reply.status());
    }, ctx.blockingTaskExecutor()));
  }

  private static HttpResponse reply(ServiceRequestContext ctx, UiEnvelope envelope, HttpStatus status) {
    String pretty = ctx.queryParam("prettyPrint");
    UiJson.Layout layout = pretty != null && !pretty.equals("false") ? UiJson.Layout.INDENTED : UiJson.Layout.COMPACT;
    return HttpResponse.of(status, MediaType.JSON_UTF_8, envelope.toJsonBytes(layout));
  }

  private static Map<String, List<String>> params(ServiceRequestContext ctx) {
    QueryParams q = ctx.queryParams();
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String name : q.names()) {
      out.put(name, q.getAll(name));
    }
    return out;
  }

  private Reply getTrace(ServiceRequestContext ctx) {
    Map<String, List<String>> p = params(ctx);
    TraceId id = SearchParameters.traceId(ctx.pathParam("traceId"), "traceID");
    Long start = SearchParameters.micros(p, "start");
    Long end = SearchParameters.micros(p, "end");
    TimeWindow hint = new TimeWindow(start == null ? Long.MIN_VALUE : start * 1000,
        end == null ? Long.MAX_VALUE : end * 1000);
    Optional<Trace> trace = reader.getTrace(id, hint, SearchParameters.bool(p, "raw"));
    if (trace.isEmpty()) {
      return new Reply(HttpStatus.NOT_FOUND, new UiEnvelope(JsonWritable.nullValue(), 0, 0, 0,
          List.of(ApiError.of(404, "trace not found"))));
    }
    return Reply.ok(UiEnvelope.of(JsonWritable.traces(List.of(trace.get())), 0));
  }

  /** The traces a search request names ({@code traceID}) or finds, and the named ids not found. */
  private record Found(List<Trace> traces, List<ApiError> missing) {}

  private Found find(SearchRequest request) {
    if (!request.isLookup()) {
      return new Found(reader.findTraces(request.query(), request.raw()), List.of());
    }
    List<Trace> found = new ArrayList<>();
    List<ApiError> missing = new ArrayList<>();
    for (TraceId id : new LinkedHashSet<>(request.traceIds())) {
      Optional<Trace> t = reader.getTrace(id, TimeWindow.UNBOUNDED, request.raw());
      if (t.isPresent()) {
        found.add(t.get());
      } else {
        missing.add(ApiError.traceNotFound(id));
      }
    }
    return new Found(found, missing);
  }

  private Reply findTraces(ServiceRequestContext ctx) {
    Found found = find(search.parse(params(ctx)));
    JsonWritable data = JsonWritable.traces(found.traces());
    return Reply.ok(found.missing().isEmpty()
        ? UiEnvelope.of(data, 0)
        : UiEnvelope.withErrors(data, 0, found.missing()));
  }

  /**
   * Spoor's extension for search pages: the same parameters as {@code /api/traces}, answered with
   * one summary per trace (root, times, span and error counts per service) instead of whole traces,
   * so a search over big traces stays small.
   */
  private Reply findTraceSummaries(ServiceRequestContext ctx) {
    List<TraceSummary> summaries =
        find(search.parse(params(ctx))).traces().stream().map(TraceSummary::of).toList();
    JsonWritable data = g -> {
      g.writeStartArray();
      for (TraceSummary t : summaries) {
        g.writeStartObject();
        g.writeStringField("traceID", t.traceId().toHex());
        g.writeStringField("rootServiceName", t.rootServiceName());
        g.writeStringField("rootOperationName", t.rootOperationName());
        g.writeNumberField("startTime", Math.floorDiv(t.minStartTimeNanos(), 1000L));
        g.writeNumberField("duration", Math.floorDiv(t.maxEndTimeNanos() - t.minStartTimeNanos(), 1000L));
        g.writeNumberField("spanCount", t.spanCount());
        g.writeNumberField("errorCount", t.errorSpanCount());
        g.writeArrayFieldStart("services");
        for (TraceSummary.ServiceSummary service : t.services()) {
          g.writeStartObject();
          g.writeStringField("name", service.name());
          g.writeNumberField("spanCount", service.spanCount());
          g.writeNumberField("errorCount", service.errorSpanCount());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    };
    return Reply.ok(UiEnvelope.of(data, summaries.size()));
  }

  private Reply services() {
    List<String> services = reader.getServices();
    return Reply.ok(UiEnvelope.of(JsonWritable.strings(services), services.size()));
  }

  private Reply serviceOperations(ServiceRequestContext ctx) {
    Set<String> names = new LinkedHashSet<>();
    for (Operation op : reader.getOperations(ctx.pathParam("service"), null)) {
      names.add(op.name());
    }
    return Reply.ok(UiEnvelope.of(JsonWritable.strings(new ArrayList<>(names)), names.size()));
  }

  private Reply operations(ServiceRequestContext ctx) {
    String service = ctx.queryParam("service");
    if (service == null || service.isEmpty()) {
      throw new IllegalArgumentException("parameter 'service' is required");
    }
    String kindParam = ctx.queryParam("spanKind");
    SpanKind kind = kindParam == null || kindParam.isEmpty() ? null : SpanKind.parse(kindParam);
    List<Operation> ops = reader.getOperations(service, kind);
    JsonWritable data = g -> {
      g.writeStartArray();
      for (Operation op : ops) {
        g.writeStartObject();
        g.writeStringField("name", op.name());
        g.writeStringField("spanKind", op.kind().tagValue());
        g.writeEndObject();
      }
      g.writeEndArray();
    };
    return Reply.ok(UiEnvelope.of(data, ops.size()));
  }

  private Reply dependencies(ServiceRequestContext ctx) {
    Instant end = clock.instant();
    String endTs = ctx.queryParam("endTs");
    if (endTs != null && !endTs.isEmpty()) {
      end = Instant.ofEpochMilli(parseMillis("endTs", endTs));
    }
    Duration lookback = DEFAULT_DEPENDENCY_LOOKBACK;
    String lb = ctx.queryParam("lookback");
    if (lb != null && !lb.isEmpty()) {
      long ms = parseMillis("lookback", lb);
      if (ms <= 0) {
        throw new IllegalArgumentException("'lookback': " + ms + " (expected: > 0 milliseconds)");
      }
      lookback = Duration.ofMillis(ms);
    }
    var links = reader.getDependencies(end, lookback);
    String service = ctx.queryParam("service");
    if (service != null && !service.isEmpty()) {
      links = links.stream().filter(l -> l.parent().equals(service) || l.child().equals(service)).toList();
    }
    return Reply.ok(UiEnvelope.of(JsonWritable.dependencies(links), 0));
  }

  private static long parseMillis(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unable to parse param '" + name + "': " + value
          + " (expected: milliseconds)");
    }
  }

}
