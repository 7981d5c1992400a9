package io.spoor.server;

import io.spoor.collector.CollectorConfig;
import io.spoor.collector.CollectorConfig.Endpoint;
import io.spoor.collector.HostPort;
import io.spoor.collector.pipeline.PipelineConfig;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The collector's flags, Jaeger's names and defaults; added with {@code @Mixin CollectorOptions}. */
final class CollectorOptions {
  @Option(names = "--collector.grpc-server.host-port", paramLabel = "<host:port>", defaultValue = ":14250",
      description = "Jaeger gRPC api_v2 CollectorService (empty disables). Default: ${DEFAULT-VALUE}.")
  String grpc = ":14250";

  @Option(names = "--collector.http-server.host-port", paramLabel = "<host:port>", defaultValue = ":14268",
      description = "Jaeger Thrift over HTTP, POST /api/traces (empty disables). Default: ${DEFAULT-VALUE}.")
  String http = ":14268";

  @Option(names = "--collector.otlp.grpc.host-port", paramLabel = "<host:port>", defaultValue = ":4317",
      description = "OTLP gRPC (empty disables). Default: ${DEFAULT-VALUE}.")
  String otlpGrpc = ":4317";

  @Option(names = "--collector.otlp.http.host-port", paramLabel = "<host:port>", defaultValue = ":4318",
      description = "OTLP HTTP, POST /v1/traces, protobuf or JSON (empty disables). Default: ${DEFAULT-VALUE}.")
  String otlpHttp = ":4318";

  @Option(names = "--collector.zipkin.host-port", paramLabel = "<host:port>", defaultValue = ":9411",
      description = "Zipkin /api/v1/spans and /api/v2/spans (empty disables). Default: ${DEFAULT-VALUE}.")
  String zipkin = ":9411";

  @Option(names = "--collector.queue-size", paramLabel = "<spans>", defaultValue = "2000",
      description = "Most spans waiting for storage; a full queue answers 429 / RESOURCE_EXHAUSTED. "
          + "Default: ${DEFAULT-VALUE}.")
  int queueSize = 2000;

  @Option(names = "--collector.queue-size-memory", paramLabel = "<MiB>", defaultValue = "128",
      description = "Most memory, in MiB, that waiting spans may take. Default: ${DEFAULT-VALUE}.")
  long queueMemoryMiB = 128;

  @Option(names = "--collector.num-workers", paramLabel = "<n>", defaultValue = "50",
      description = "Threads writing spans to storage. Default: ${DEFAULT-VALUE}.")
  int workers = 50;

  @Option(names = "--collector.max-request-bytes", paramLabel = "<bytes>", defaultValue = "4194304",
      description = "Largest request body or gRPC message; larger ones get 413 / RESOURCE_EXHAUSTED. "
          + "Default: ${DEFAULT-VALUE}.")
  int maxRequestBytes = CollectorConfig.DEFAULT_MAX_REQUEST_BYTES;

  @Option(names = "--collector.max-tag-value-length", paramLabel = "<chars>", defaultValue = "65536",
      description = "String tag values longer than this are truncated, with a span warning. "
          + "Default: ${DEFAULT-VALUE}.")
  int maxTagValueLength = CollectorConfig.DEFAULT_MAX_TAG_VALUE_LENGTH;

  /** @throws IllegalArgumentException naming the flag, the value and what was expected */
  CollectorConfig toConfig() {
    Map<Endpoint, String> values = Map.of(Endpoint.JAEGER_GRPC, grpc, Endpoint.JAEGER_HTTP, http,
        Endpoint.OTLP_GRPC, otlpGrpc, Endpoint.OTLP_HTTP, otlpHttp, Endpoint.ZIPKIN, zipkin);
    Map<Endpoint, HostPort> endpoints = new EnumMap<>(Endpoint.class);
    values.forEach((endpoint, value) ->
        HostPort.parse(endpoint.flag(), value).ifPresent(hp -> endpoints.put(endpoint, hp)));
    if (queueMemoryMiB <= 0) {
      throw new IllegalArgumentException(
          "--collector.queue-size-memory: " + queueMemoryMiB + " (expected: > 0 MiB)");
    }
    PipelineConfig pipeline = new PipelineConfig(queueSize, queueMemoryMiB << 20, workers,
        PipelineConfig.DEFAULTS.shutdownTimeout());
    return new CollectorConfig(endpoints, maxRequestBytes, maxTagValueLength, pipeline);
  }

  /** Shutdown drains for this long at most. */
  Duration drainTimeout() {
    return PipelineConfig.DEFAULTS.shutdownTimeout();
  }
}
