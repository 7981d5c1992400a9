package io.spoor.query.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the services share: reflection and unframed (plain HTTP) calls. */
class QueryGrpcServicesTest {
  static GrpcTestServer server;

  @BeforeAll
  static void start() {
    server = new GrpcTestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void reflectionListsBothQueryServices() throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(server.channel)
        .serverReflectionInfo(new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse value) {
            answer.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {}
        });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    ServerReflectionResponse response = answer.get(30, TimeUnit.SECONDS);
    requests.onCompleted();
    List<String> services = response.getListServicesResponse().getServiceList().stream()
        .map(ServiceResponse::getName).toList();
    assertThat(services).contains("jaeger.api_v2.QueryService", "jaeger.api_v3.QueryService");
  }

  @Test
  void unaryMethodsAnswerUnframedJson() throws Exception {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/jaeger.api_v3.QueryService/GetServices"))
        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"services\"").contains("\"web\"").contains("\"batch\"").contains("\"db\"");
  }
}
