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

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.spoor.model.SpanId;
import io.spoor.proto.api_v2.Model;
import io.spoor.proto.api_v2.Query;
import io.spoor.proto.api_v2.QueryServiceGrpc;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryServiceV2Test {
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
    return Timestamp.newBuilder().setSeconds(Math.floorDiv(epochNanos, 1_000_000_000L))
        .setNanos((int) Math.floorMod(epochNanos, 1_000_000_000L)).build();
  }

  static Query.GetTraceRequest getTrace(byte[] id) {
    return Query.GetTraceRequest.newBuilder().setTraceId(ByteString.copyFrom(id)).build();
  }

  static Model.Span span(List<Query.SpansResponseChunk> chunks, String operation) {
    return chunks.stream().flatMap(c -> c.getSpansList().stream())
        .filter(s -> s.getOperationName().equals(operation)).findFirst().orElseThrow();
  }

  static Query.TraceQueryParameters.Builder window() {
    return Query.TraceQueryParameters.newBuilder().setStartTimeMin(ts(T0 - 1_000_000_000L))
        .setStartTimeMax(ts(T0 + 1_000_000_000L));
  }

  static List<String> traceIds(List<Query.SpansResponseChunk> chunks) {
    return chunks.stream()
        .map(c -> io.spoor.model.TraceId.fromBytes(c.getSpans(0).getTraceId().toByteArray()).toHex()).toList();
  }

  @Test
  void getTraceStreamsSpansWithTheirProcess() {
    List<Query.SpansResponseChunk> chunks = drain(client.getTrace(getTrace(CART.toBytes())));
    assertThat(chunks).hasSize(1);
    assertThat(chunks.get(0).getSpansCount()).isEqualTo(3);
    Model.Span root = span(chunks, "GET /cart");
    assertThat(root.getTraceId().toByteArray()).isEqualTo(CART.toBytes());
    assertThat(root.getSpanId().toByteArray()).isEqualTo(SpanId.of(1).toBytes());
    assertThat(root.getProcess().getServiceName()).isEqualTo("web");
    assertThat(root.getProcess().getTags(0).getKey()).isEqualTo("ip");
    assertThat(root.getStartTime()).isEqualTo(ts(T0));
    assertThat(root.getDuration()).isEqualTo(Duration.newBuilder().setNanos(5_000_000).build());
    assertThat(root.getFlags()).isEqualTo(1);
    assertThat(root.getTagsList()).anySatisfy(t -> {
      assertThat(t.getKey()).isEqualTo("http.status_code");
      assertThat(t.getVInt64()).isEqualTo(500);
    });
    Model.Span child = span(chunks, "SELECT");
    assertThat(child.getProcess().getServiceName()).isEqualTo("db");
    assertThat(child.getReferences(0).getSpanId().toByteArray()).isEqualTo(SpanId.of(1).toBytes());
    assertThat(child.getLogs(0).getTimestamp()).isEqualTo(ts(T0 + 1_500_000));

    // time hints and raw are accepted
    List<Query.SpansResponseChunk> hinted = drain(client.getTrace(getTrace(CART.toBytes()).toBuilder()
        .setStartTime(ts(T0 - 1)).setEndTime(ts(T0 + 10_000_000)).setRawTraces(true).build()));
    assertThat(hinted.get(0).getSpansCount()).isEqualTo(3);
    // a 64-bit id may come as 8 bytes
    assertThat(drain(client.getTrace(getTrace(SpanId.of(0x42).toBytes()))).get(0).getSpans(0).getOperationName())
        .isEqualTo("GET /home");
  }

  @Test
  void bigTracesComeInChunksOfAThousandSpans() {
    List<Query.SpansResponseChunk> chunks = drain(client.getTrace(getTrace(BIG.toBytes())));
    assertThat(chunks).extracting(Query.SpansResponseChunk::getSpansCount).containsExactly(1000, 1000, 500);
    Set<ByteString> ids = new HashSet<>();
    chunks.forEach(c -> c.getSpansList().forEach(s -> ids.add(s.getSpanId())));
    assertThat(ids).hasSize(BIG_SPANS);
  }

  @Test
  void getTraceRefusals() {
    assertStatus(() -> client.getTrace(getTrace(io.spoor.model.TraceId.of(0xdead).toBytes())),
        Status.Code.NOT_FOUND, "trace not found: 000000000000dead");
    assertStatus(() -> client.getTrace(getTrace(new byte[0])), Status.Code.INVALID_ARGUMENT, "trace_id: empty");
    assertStatus(() -> client.getTrace(getTrace(new byte[5])), Status.Code.INVALID_ARGUMENT, "trace id: 5 bytes");
    assertStatus(() -> client.getTrace(getTrace(new byte[16])), Status.Code.INVALID_ARGUMENT, "trace_id: all zeros");
    assertStatus(() -> client.getTrace(getTrace(CART.toBytes()).toBuilder().setStartTime(ts(T0))
        .setEndTime(ts(T0 - 1)).build()), Status.Code.INVALID_ARGUMENT, "end_time: ");
  }

  @Test
  void findTracesStreamsEachTraceNewestFirst() {
    List<Query.SpansResponseChunk> chunks = drain(client.findTraces(Query.FindTracesRequest.newBuilder()
        .setQuery(window().setServiceName("web")).build()));
    assertThat(traceIds(chunks)).containsExactly(HOME.toHex(), CART.toHex());
    assertThat(chunks.get(1).getSpansCount()).isEqualTo(3);

    assertThat(traceIds(drain(client.findTraces(Query.FindTracesRequest.newBuilder().setQuery(
        window().setServiceName("web").putTags("http.status_code", "500")).build())))).containsExactly(CART.toHex());
    assertThat(traceIds(drain(client.findTraces(Query.FindTracesRequest.newBuilder().setQuery(
        window().setServiceName("web").setOperationName("GET /home")).build())))).containsExactly(HOME.toHex());
    assertThat(traceIds(drain(client.findTraces(Query.FindTracesRequest.newBuilder().setQuery(
        window().setServiceName("web").setDurationMin(Duration.newBuilder().setNanos(1_000_000))).build()))))
        .containsExactly(CART.toHex());
    assertThat(traceIds(drain(client.findTraces(Query.FindTracesRequest.newBuilder().setQuery(
        window().setServiceName("web").setDurationMax(Duration.newBuilder().setNanos(500_000))).build()))))
        .containsExactly(HOME.toHex());
    assertThat(traceIds(drain(client.findTraces(Query.FindTracesRequest.newBuilder().setQuery(
        window().setServiceName("web").setSearchDepth(1)).build())))).containsExactly(HOME.toHex());
    // without a window, every time matches: BIG (30 s earlier) too, in chunks
    List<Query.SpansResponseChunk> batch = drain(client.findTraces(Query.FindTracesRequest.newBuilder()
        .setQuery(Query.TraceQueryParameters.newBuilder().setServiceName("batch")).build()));
    assertThat(batch).extracting(Query.SpansResponseChunk::getSpansCount).containsExactly(1000, 1000, 500);
    assertThat(drain(client.findTraces(Query.FindTracesRequest.newBuilder()
        .setQuery(window().setServiceName("nobody")).build()))).isEmpty();
  }

  @Test
  void findTracesRefusals() {
    assertStatus(() -> client.findTraces(Query.FindTracesRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "query: missing");
    assertStatus(() -> client.findTraces(Query.FindTracesRequest.newBuilder().setQuery(window()
        .setSearchDepth(-1)).build()), Status.Code.INVALID_ARGUMENT, "search_depth: -1");
    assertStatus(() -> client.findTraces(Query.FindTracesRequest.newBuilder().setQuery(window()
        .setDurationMin(Duration.newBuilder().setSeconds(2)).setDurationMax(Duration.newBuilder().setSeconds(1)))
        .build()), Status.Code.INVALID_ARGUMENT, "duration_max: 1000000000ns (expected: >= duration_min");
    assertStatus(() -> client.findTraces(Query.FindTracesRequest.newBuilder().setQuery(window()
        .setStartTimeMax(ts(T0 - 2_000_000_000L))).build()), Status.Code.INVALID_ARGUMENT, "start_time_max: ");
  }

  @Test
  void servicesAndOperations() {
    assertThat(client.getServices(Query.GetServicesRequest.getDefaultInstance()).getServicesList())
        .containsExactlyInAnyOrder("batch", "db", "web");

    Query.GetOperationsResponse all = client.getOperations(Query.GetOperationsRequest.newBuilder()
        .setService("web").build());
    assertThat(all.getOperationNamesList()).containsExactlyInAnyOrder("GET /cart", "GET /home", "async-job");
    assertThat(all.getOperationsList()).extracting(o -> o.getName() + "/" + o.getSpanKind())
        .containsExactlyInAnyOrder("GET /cart/server", "GET /home/server", "async-job/");
    Query.GetOperationsResponse servers = client.getOperations(Query.GetOperationsRequest.newBuilder()
        .setService("web").setSpanKind("server").build());
    assertThat(servers.getOperationNamesList()).containsExactlyInAnyOrder("GET /cart", "GET /home");
    assertThat(servers.getOperationsList()).extracting(Query.Operation::getSpanKind).containsOnly("server");

    assertStatus(() -> client.getOperations(Query.GetOperationsRequest.getDefaultInstance()),
        Status.Code.INVALID_ARGUMENT, "service: empty");
    assertStatus(() -> client.getOperations(Query.GetOperationsRequest.newBuilder().setService("web")
        .setSpanKind("sideways").build()), Status.Code.INVALID_ARGUMENT, "span kind: \"sideways\"");
  }

  @Test
  void dependencies() {
    long now = NOW_MS * 1_000_000;
    Query.GetDependenciesResponse r = client.getDependencies(Query.GetDependenciesRequest.newBuilder()
        .setStartTime(ts(now - 86_400_000_000_000L)).setEndTime(ts(now)).build());
    assertThat(r.getDependenciesList()).extracting(d -> d.getParent() + ">" + d.getChild() + ":" + d.getCallCount())
        .containsExactly("hello>world:3", "web>db:1");
    // unset times: the last day before the server's clock
    assertThat(client.getDependencies(Query.GetDependenciesRequest.getDefaultInstance()).getDependenciesList())
        .isEqualTo(r.getDependenciesList());
    assertThat(client.getDependencies(Query.GetDependenciesRequest.newBuilder()
        .setStartTime(ts(0)).setEndTime(ts(1_000_000_000L)).build()).getDependenciesList()).isEmpty();
    assertStatus(() -> client.getDependencies(Query.GetDependenciesRequest.newBuilder()
        .setStartTime(ts(now)).setEndTime(ts(now - 1_000_000_000L)).build()), Status.Code.INVALID_ARGUMENT,
        "end_time: ");
  }

  @Test
  void archiveIsUnimplemented() {
    assertStatus(() -> client.archiveTrace(Query.ArchiveTraceRequest.newBuilder()
        .setTraceId(ByteString.copyFrom(CART.toBytes())).build()), Status.Code.UNIMPLEMENTED,
        "archive storage is not configured");
  }
}
