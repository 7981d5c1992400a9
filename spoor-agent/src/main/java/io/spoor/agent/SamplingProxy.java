package io.spoor.agent;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyParameters;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import io.spoor.proto.api_v2.SamplingManagerGrpc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The agent's HTTP endpoints on 5778, answered by asking a collector's {@code SamplingManager} over
 * gRPC (each collector in turn until one answers, each with a deadline):
 *
 * <ul>
 *   <li>{@code GET /sampling?service=S}: proto3 JSON, enum names, defaults written;
 *   <li>{@code GET /?service=S}: the legacy Thrift-shaped JSON ({@link LegacySamplingJson});
 *   <li>{@code GET /baggageRestrictions?service=S}: 500 {@code collector error: baggage not
 *       implemented}, as Jaeger's gRPC-backed agent answers.
 * </ul>
 *
 * {@code service} must be given exactly once, else 400 {@code 'service' parameter must be provided
 * once}. When no collector answers: 500 {@code collector error: <gRPC status>}.
 */
final class SamplingProxy {
  private static final JsonFormat.Printer PROTO_JSON =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

  private final CollectorChannels channels;
  private final Duration timeout;
  private final AgentMetrics metrics;

  SamplingProxy(CollectorChannels channels, Duration timeout, AgentMetrics metrics) {
    this.channels = channels;
    this.timeout = timeout;
    this.metrics = metrics;
  }

  void addTo(ServerBuilder sb) {
    sb.service("/sampling", (ctx, req) -> strategy(ctx, "sampling", SamplingProxy::protoJson));
    sb.service("/", (ctx, req) -> strategy(ctx, "legacy", LegacySamplingJson::write));
    sb.service("/baggageRestrictions", (ctx, req) -> {
      if (service(ctx) == null) {
        return badService("baggage");
      }
      metrics.samplingRequest("baggage", "error");
      return text(HttpStatus.INTERNAL_SERVER_ERROR, "collector error: baggage not implemented");
    });
  }

  private HttpResponse strategy(
      ServiceRequestContext ctx, String endpoint, Function<SamplingStrategyResponse, String> render) {
    String service = service(ctx);
    if (service == null) {
      return badService(endpoint);
    }
    CompletableFuture<HttpResponse> answer = fetch(service, channels.size()).handle((strategy, error) -> {
      if (error != null) {
        metrics.samplingRequest(endpoint, "collector_error");
        return text(HttpStatus.INTERNAL_SERVER_ERROR, "collector error: " + describe(error));
      }
      metrics.samplingRequest(endpoint, "ok");
      return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, render.apply(strategy));
    });
    return HttpResponse.of(answer);
  }

  private CompletableFuture<SamplingStrategyResponse> fetch(String service, int attemptsLeft) {
    CompletableFuture<SamplingStrategyResponse> result = new CompletableFuture<>();
    SamplingManagerGrpc.newStub(channels.next())
        .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .getSamplingStrategy(SamplingStrategyParameters.newBuilder().setServiceName(service).build(),
            new StreamObserver<>() {
              @Override
              public void onNext(SamplingStrategyResponse value) {
                result.complete(value);
              }

              @Override
              public void onError(Throwable t) {
                result.completeExceptionally(t);
              }

              @Override
              public void onCompleted() {
                result.completeExceptionally(new IllegalStateException("no strategy in the answer"));
              }
            });
    if (attemptsLeft <= 1) {
      return result;
    }
    return result.handle((value, error) -> error == null
            ? CompletableFuture.completedFuture(value) : fetch(service, attemptsLeft - 1))
        .thenCompose(Function.identity());
  }

  private static String describe(Throwable error) {
    Throwable t = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    Status status = Status.fromThrowable(t);
    if (status.getCode() == Status.Code.UNKNOWN && status.getDescription() == null) {
      return t.toString();
    }
    return status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
  }

  private static String protoJson(SamplingStrategyResponse strategy) {
    try {
      return PROTO_JSON.print(strategy);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("printing a generated message failed", e);
    }
  }

  private static @org.jspecify.annotations.Nullable String service(ServiceRequestContext ctx) {
    List<String> values = QueryParams.fromQueryString(ctx.query()).getAll("service");
    return values.size() == 1 ? values.get(0) : null;
  }

  private HttpResponse badService(String endpoint) {
    metrics.samplingRequest(endpoint, "bad_request");
    return text(HttpStatus.BAD_REQUEST, "'service' parameter must be provided once");
  }

  private static HttpResponse text(HttpStatus status, String body) {
    return HttpResponse.of(status, MediaType.PLAIN_TEXT_UTF_8, body);
  }
}
