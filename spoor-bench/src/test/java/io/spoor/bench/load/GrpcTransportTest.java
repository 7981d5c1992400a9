package io.spoor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OTLP/gRPC load against an in-process grpc-java server whose Export alternates OK and RESOURCE_EXHAUSTED. */
class GrpcTransportTest {
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger spansAccepted = new AtomicInteger();
  private Server server;

  @BeforeEach
  void startServer() throws Exception {
    server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .addService(new TraceServiceGrpc.TraceServiceImplBase() {
          @Override
          public void export(ExportTraceServiceRequest request,
              StreamObserver<ExportTraceServiceResponse> response) {
            if (calls.getAndIncrement() % 2 == 1) {
              response.onError(Status.RESOURCE_EXHAUSTED.withDescription("queue full").asRuntimeException());
              return;
            }
            spansAccepted.addAndGet(request.getResourceSpansList().stream()
                .flatMap(resource -> resource.getScopeSpansList().stream())
                .mapToInt(scope -> scope.getSpansCount()).sum());
            response.onNext(ExportTraceServiceResponse.getDefaultInstance());
            response.onCompleted();
          }
        })
        .build()
        .start();
  }

  @AfterEach
  void stopServer() throws InterruptedException {
    server.shutdownNow();
    assertThat(server.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void countsOkAsAcceptedAndResourceExhaustedAsThrottled() throws InterruptedException {
    LoadSettings settings = new LoadSettings(URI.create("http://127.0.0.1:" + server.getPort()),
        Format.OTLP_GRPC, 2, Duration.ZERO, Duration.ofMillis(400), 25, 3, 3, Duration.ofSeconds(5), 1);

    LoadReport report = LoadRun.run(settings);

    int total = calls.get();
    assertThat(report.requests()).isEqualTo(total).isPositive();
    assertThat(report.acceptedRequests()).isEqualTo((total + 1) / 2);
    assertThat(report.throttledRequests()).isEqualTo(total / 2);
    assertThat(report.outcomes()).containsOnlyKeys("OK", "RESOURCE_EXHAUSTED");
    assertThat(report.acceptedSpans()).isEqualTo(spansAccepted.get()).isEqualTo(report.acceptedRequests() * 25);
  }
}
