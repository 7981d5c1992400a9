package io.spoor.collector.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.collector.Collector;
import io.spoor.collector.CollectorConfig;
import io.spoor.collector.CollectorConfig.Endpoint;
import io.spoor.collector.HostPort;
import io.spoor.collector.pipeline.PipelineConfig;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyParameters;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyType;
import io.spoor.proto.api_v2.SamplingManagerGrpc;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A collector with a strategies file answers over gRPC on 14250 and HTTP on 14268. */
class SamplingEndpointsIT {
  @TempDir static Path dir;
  static Storage storage;
  static Collector collector;
  static ManagedChannel channel;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Path file = Files.write(dir.resolve("operation_strategies.json"),
        StrategiesFileTest.fixture("operation_strategies.json"));
    storage = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    storage.start();
    CollectorConfig config = new CollectorConfig(
        Map.of(Endpoint.JAEGER_GRPC, new HostPort("127.0.0.1", 0), Endpoint.JAEGER_HTTP, new HostPort("127.0.0.1", 0)),
        CollectorConfig.DEFAULT_MAX_REQUEST_BYTES, CollectorConfig.DEFAULT_MAX_TAG_VALUE_LENGTH,
        PipelineConfig.DEFAULTS).withSampling(new SamplingConfig(file, Duration.ZERO, 0.001));
    collector = new Collector(config, storage.spanWriter(), new SimpleMeterRegistry());
    collector.start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", collector.port(Endpoint.JAEGER_GRPC)).usePlaintext().build();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    collector.close();
    storage.close();
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(
        "http://127.0.0.1:" + collector.port(Endpoint.JAEGER_HTTP) + pathAndQuery)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void grpcAnswersTheServiceStrategy() {
    SamplingStrategyResponse bar = SamplingManagerGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
        .getSamplingStrategy(SamplingStrategyParameters.newBuilder().setServiceName("bar").build());
    assertThat(bar.getStrategyType()).isEqualTo(SamplingStrategyType.RATE_LIMITING);
    assertThat(bar.getRateLimitingSampling().getMaxTracesPerSecond()).isEqualTo(5);
    assertThat(bar.getOperationSampling().getPerOperationStrategiesList())
        .extracting(o -> o.getOperation()).containsExactly("op3", "op5", "op0", "op6", "op7");
  }

  @Test
  void httpAnswersProto3Json() throws Exception {
    HttpResponse<String> foo = get("/api/sampling?service=foo");
    assertThat(foo.statusCode()).isEqualTo(200);
    assertThat(foo.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
    assertThat(foo.body()).isEqualTo("{\"strategyType\":\"PROBABILISTIC\",\"probabilisticSampling\":{\"samplingRate\":0.8},"
        + "\"operationSampling\":{\"defaultSamplingProbability\":0.8,\"defaultLowerBoundTracesPerSecond\":0.0,"
        + "\"perOperationStrategies\":["
        + "{\"operation\":\"op6\",\"probabilisticSampling\":{\"samplingRate\":0.5}},"
        + "{\"operation\":\"op1\",\"probabilisticSampling\":{\"samplingRate\":0.2}},"
        + "{\"operation\":\"op0\",\"probabilisticSampling\":{\"samplingRate\":0.2}},"
        + "{\"operation\":\"op7\",\"probabilisticSampling\":{\"samplingRate\":1.0}}],"
        + "\"defaultUpperBoundTracesPerSecond\":0.0}}");
  }

  @Test
  void httpNeedsServiceExactlyOnce() throws Exception {
    for (String query : new String[] {"", "?service=a&service=b"}) {
      HttpResponse<String> r = get("/api/sampling" + query);
      assertThat(r.statusCode()).as(query).isEqualTo(400);
      assertThat(r.body()).isEqualTo("'service' parameter must be provided once");
    }
  }

  @Test
  void aBadFileFailsTheStartBeforeAnyPortOpens() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\n\"service_strategies\": 3\n}");
    CollectorConfig config = new CollectorConfig(Map.of(Endpoint.JAEGER_HTTP, new HostPort("127.0.0.1", 0)),
        CollectorConfig.DEFAULT_MAX_REQUEST_BYTES, CollectorConfig.DEFAULT_MAX_TAG_VALUE_LENGTH,
        PipelineConfig.DEFAULTS).withSampling(new SamplingConfig(bad, Duration.ZERO, 0.001));
    Collector failing = new Collector(config, storage.spanWriter(), new SimpleMeterRegistry());
    try {
      assertThatThrownBy(failing::start).isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("--sampling.strategies-file: " + bad + ": line 2, column ");
      assertThat(failing.describe()).isEmpty();
    } finally {
      failing.close();
    }
  }
}
