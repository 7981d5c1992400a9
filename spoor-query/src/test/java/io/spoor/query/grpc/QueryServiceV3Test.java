package io.spoor.query.grpc;

import static io.spoor.query.grpc.GrpcTestServer.assertStatus;
import static io.spoor.query.grpc.GrpcTestServer.drain;
import static io.spoor.query.v3.QueryTestData.BIG;
import static io.spoor.query.v3.QueryTestData.BIG_SPANS;
import static io.spoor.query.v3.QueryTestData.CART;
import static io.spoor.query.v3.QueryTestData.HOME;
import static io.spoor.query.v3.QueryTestData.NOW_MS;
import static io.spoor.query.v3.QueryTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.proto.api_v3.QueryServiceGrpc;
import io.spoor.proto.api_v3.QueryServiceProto;
import io.spoor.proto.expression.v1.ExpressionProto;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryServiceV3Test {
  static GrpcTestServer server;
  static QueryServiceGrpc.QueryServiceBlockingStub client;

  @BeforeAll
  static void start() {
    server = new GrpcTestServer();
    client = QueryServiceGrpc.newBlockingStub(server.channel);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static Timestamp ts(long epochNanos) {
    return QueryServiceV2Test.ts(epochNanos);
  }

  static QueryServiceProto.TraceQueryParameters.Builder window() {
    return QueryServiceProto.TraceQueryParameters.newBuilder().setStartTimeMin(ts(T0 - 1_000_000_000L))
        .setStartTimeMax(ts(T0 + 1_000_000_000L));
  }

  static QueryServiceProto.FindTracesRequest find(QueryServiceProto.TraceQueryParameters.Builder q) {
    return QueryServiceProto.FindTracesRequest.newBuilder().setQuery(q).build();
  }

  static List<Span> spans(List<TracesData> messages) {
    return messages.stream().flatMap(d -> d.getResourceSpansList().stream())
        .flatMap(rs -> rs.getScopeSpansList().stream()).flatMap(ss -> ss.getSpansList().stream()).toList();
  }

  /** The trace id of each message. */
  static List<String> traceIds(List<TracesData> messages) {
    return messages.stream().map(d -> TraceId.fromBytes(spans(List.of(d)).get(0).getTraceId().toByteArray())
        .toHex()).toList();
  }

  static String service(ResourceSpans rs) {
    return rs.getResource().getAttributesList().stream().filter(a -> a.getKey().equals("service.name"))
        .findFirst().orElseThrow().getValue().getStringValue();
  }

  @Test
  void getTraceStreamsTracesData() {
    List<TracesData> messages = drain(client.getTrace(QueryServiceProto.GetTraceRequest.newBuilder()
        .setTraceId(CART.toHex()).build()));
    assertThat(messages).hasSize(1);
    assertThat(messages.get(0).getResourceSpansList()).extracting(QueryServiceV3Test::service)
        .containsExactly("web", "db");
    List<Span> spans = spans(messages);
    assertThat(spans).hasSize(3);
    Span root = spans.stream().filter(s -> s.getName().equals("GET /cart")).findFirst().orElseThrow();
    assertThat(root.getTraceId().toByteArray()).isEqualTo(CART.toBytes());
    assertThat(root.getSpanId().toByteArray()).isEqualTo(SpanId.of(1).toBytes());
    assertThat(root.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(root.getStartTimeUnixNano()).isEqualTo(T0);
    assertThat(root.getEndTimeUnixNano()).isEqualTo(T0 + 5_000_000);
    assertThat(root.getStatus().getCode())
        .isEqualTo(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_ERROR);
    Span child = spans.stream().filter(s -> s.getName().equals("SELECT")).findFirst().orElseThrow();
    assertThat(child.getParentSpanId().toByteArray()).isEqualTo(SpanId.of(1).toBytes());
    assertThat(child.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);

    // hints, raw, and a 32-digit id of a 64-bit trace
    List<TracesData> home = drain(client.getTrace(QueryServiceProto.GetTraceRequest.newBuilder()
        .setTraceId(HOME.toHex128()).setStartTime(ts(T0)).setEndTime(ts(T0 + 20_000_000)).setRawTraces(true).build()));
    assertThat(spans(home)).extracting(Span::getName).containsExactly("GET /home");
  }

  @Test
  void bigTracesComeInChunksOfAThousandSpans() {
    List<TracesData> messages = drain(client.getTrace(QueryServiceProto.GetTraceRequest.newBuilder()
        .setTraceId(BIG.toHex()).build()));
    assertThat(messages).extracting(m -> spans(List.of(m)).size()).containsExactly(1000, 1000, 500);
    assertThat(spans(messages).stream().map(Span::getSpanId).distinct().count()).isEqualTo(BIG_SPANS);
  }

  @Test
  void getTraceRefusals() {
    assertStatus(() -> client.getTrace(QueryServiceProto.GetTraceRequest.newBuilder().setTraceId("dead").build()),
        Status.Code.NOT_FOUND, "trace not found: 000000000000dead");
    assertStatus(() -> client.getTrace(QueryServiceProto.GetTraceRequest.newBuilder().setTraceId("xyz").build()),
        Status.Code.INVALID_ARGUMENT, "trace_id: trace id");
    assertStatus(() -> client.getTrace(QueryServiceProto.GetTraceRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "trace_id: trace id: \"\"");
  }

  @Test
  void findTraces() {
    List<TracesData> web = drain(client.findTraces(find(window().setServiceName("web"))));
    assertThat(traceIds(web)).containsExactly(HOME.toHex(), CART.toHex());
    assertThat(spans(web)).hasSize(4);
    assertThat(traceIds(drain(client.findTraces(find(window().setServiceName("web")
        .putAttributes("http.status_code", "500")))))).containsExactly(CART.toHex());
    assertThat(traceIds(drain(client.findTraces(find(window().setServiceName("web")
        .setOperationName("GET /home")))))).containsExactly(HOME.toHex());
    assertThat(traceIds(drain(client.findTraces(find(window().setServiceName("web")
        .setDurationMin(Duration.newBuilder().setNanos(1_000_000))))))).containsExactly(CART.toHex());
    assertThat(traceIds(drain(client.findTraces(find(window().setServiceName("web").setSearchDepth(1))))))
        .containsExactly(HOME.toHex());
    assertThat(drain(client.findTraces(find(window().setServiceName("nobody"))))).isEmpty();
  }

  @Test
  void findTracesRefusals() {
    assertStatus(() -> client.findTraces(QueryServiceProto.FindTracesRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "query: missing");
    assertStatus(() -> client.findTraces(find(QueryServiceProto.TraceQueryParameters.newBuilder()
        .setServiceName("web").setStartTimeMin(ts(T0)))), Status.Code.INVALID_ARGUMENT,
        "start_time_min and start_time_max are required");
    assertStatus(() -> client.findTraces(find(window().setFilter(ExpressionProto.Call.newBuilder().setOp("and")))),
        Status.Code.INVALID_ARGUMENT, "filter expressions are not supported");
    assertStatus(() -> client.findTraces(find(window().setSearchDepth(-5))), Status.Code.INVALID_ARGUMENT,
        "search_depth: -5");
    assertStatus(() -> client.findTraceSummaries(QueryServiceProto.FindTraceSummariesRequest.newBuilder()
        .setQuery(window().setFilter(ExpressionProto.Call.newBuilder().setOp("or"))).build()),
        Status.Code.INVALID_ARGUMENT, "filter expressions are not supported");
  }

  @Test
  void findTraceSummaries() {
    List<QueryServiceProto.FindTraceSummariesResponse> responses = drain(client.findTraceSummaries(
        QueryServiceProto.FindTraceSummariesRequest.newBuilder().setQuery(window().setServiceName("web")).build()));
    assertThat(responses).hasSize(1);
    List<QueryServiceProto.TraceSummary> summaries = responses.get(0).getSummariesList();
    assertThat(summaries).extracting(QueryServiceProto.TraceSummary::getTraceId)
        .containsExactly(HOME.toHex128(), CART.toHex128());
    QueryServiceProto.TraceSummary cart = summaries.get(1);
    assertThat(cart.getRootServiceName()).isEqualTo("web");
    assertThat(cart.getRootOperationName()).isEqualTo("GET /cart");
    assertThat(cart.getMinStartTimeUnixNano()).isEqualTo(T0);
    assertThat(cart.getMaxEndTimeUnixNano()).isEqualTo(T0 + 5_000_000);
    assertThat(cart.getSpanCount()).isEqualTo(3);
    assertThat(cart.getErrorSpanCount()).isEqualTo(1);
    assertThat(cart.getOrphanSpanCount()).isEqualTo(1);
    assertThat(cart.getServicesList())
        .extracting(s -> s.getName() + ":" + s.getSpanCount() + ":" + s.getErrorSpanCount())
        .containsExactly("db:1:0", "web:2:1");
    assertThat(drain(client.findTraceSummaries(QueryServiceProto.FindTraceSummariesRequest.newBuilder()
        .setQuery(window().setServiceName("nobody")).build()))).isEmpty();
  }

  @Test
  void servicesOperationsDependencies() {
    assertThat(client.getServices(QueryServiceProto.GetServicesRequest.getDefaultInstance()).getServicesList())
        .containsExactlyInAnyOrder("batch", "db", "web");
    assertThat(client.getOperations(QueryServiceProto.GetOperationsRequest.newBuilder().setService("web").build())
        .getOperationsList()).extracting(o -> o.getName() + "/" + o.getSpanKind())
        .containsExactlyInAnyOrder("GET /cart/server", "GET /home/server", "async-job/");
    assertThat(client.getOperations(QueryServiceProto.GetOperationsRequest.newBuilder().setService("db")
        .setSpanKind("client").build()).getOperationsList()).extracting(QueryServiceProto.Operation::getName)
        .containsExactly("SELECT");
    assertStatus(() -> client.getOperations(QueryServiceProto.GetOperationsRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "service: empty");

    long now = NOW_MS * 1_000_000;
    QueryServiceProto.DependenciesResponse deps = client.getDependencies(QueryServiceProto.GetDependenciesRequest
        .newBuilder().setStartTime(ts(now - 86_400_000_000_000L)).setEndTime(ts(now)).build());
    assertThat(deps.getDependenciesList()).extracting(d -> d.getParent() + ">" + d.getChild() + ":" + d.getCallCount())
        .containsExactly("hello>world:3", "web>db:1");
    assertStatus(() -> client.getDependencies(QueryServiceProto.GetDependenciesRequest.newBuilder()
        .setEndTime(ts(now)).build()), Status.Code.INVALID_ARGUMENT, "start_time and end_time are required");
    assertStatus(() -> client.getDependencies(QueryServiceProto.GetDependenciesRequest.newBuilder()
        .setStartTime(ts(now)).setEndTime(ts(now - 1)).build()), Status.Code.INVALID_ARGUMENT, "end_time: ");
  }
}
