package io.spoor.collector;

import io.spoor.collector.pipeline.PipelineConfig;
import io.spoor.collector.sampling.SamplingConfig;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The collector's configuration: where each receiver listens (absent = disabled), request limits and
 * the pipeline's sizing. Defaults are Jaeger's ports.
 *
 * @param endpoints where each enabled receiver listens
 * @param maxRequestBytes the largest request body or gRPC message taken ({@code
 *     --collector.max-request-bytes}); larger ones get 413 / RESOURCE_EXHAUSTED
 * @param maxTagValueLength string tag values longer than this many characters are truncated
 * @param sampling where the sampling strategies served on 14250 and 14268 come from
 */
public record CollectorConfig(
    Map<Endpoint, HostPort> endpoints, int maxRequestBytes, int maxTagValueLength, PipelineConfig pipeline,
    SamplingConfig sampling) {
  /** The receivers, with their flag names and Jaeger's default addresses. */
  public enum Endpoint {
    JAEGER_GRPC("collector.grpc-server.host-port", ":14250"),
    JAEGER_HTTP("collector.http-server.host-port", ":14268"),
    OTLP_GRPC("collector.otlp.grpc.host-port", ":4317"),
    OTLP_HTTP("collector.otlp.http.host-port", ":4318"),
    ZIPKIN("collector.zipkin.host-port", ":9411");

    private final String flag;
    private final String defaultValue;

    Endpoint(String flag, String defaultValue) {
      this.flag = flag;
      this.defaultValue = defaultValue;
    }

    /** The flag name without dashes, e.g. {@code collector.otlp.grpc.host-port}. */
    public String flag() {
      return flag;
    }

    public String defaultValue() {
      return defaultValue;
    }
  }

  /** gRPC's default message limit, which Jaeger keeps. */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 4 << 20;
  public static final int DEFAULT_MAX_TAG_VALUE_LENGTH = 65_536;

  public CollectorConfig {
    endpoints = Map.copyOf(endpoints);
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(sampling, "sampling");
    if (maxRequestBytes <= 0) {
      throw new IllegalArgumentException(
          "--collector.max-request-bytes: " + maxRequestBytes + " (expected: > 0)");
    }
    if (maxTagValueLength <= 0) {
      throw new IllegalArgumentException(
          "--collector.max-tag-value-length: " + maxTagValueLength + " (expected: > 0)");
    }
  }

  /** A configuration with the default sampling strategies ({@link SamplingConfig#DEFAULTS}). */
  public CollectorConfig(
      Map<Endpoint, HostPort> endpoints, int maxRequestBytes, int maxTagValueLength, PipelineConfig pipeline) {
    this(endpoints, maxRequestBytes, maxTagValueLength, pipeline, SamplingConfig.DEFAULTS);
  }

  /** This configuration with other sampling strategies. */
  public CollectorConfig withSampling(SamplingConfig sampling) {
    return new CollectorConfig(endpoints, maxRequestBytes, maxTagValueLength, pipeline, sampling);
  }

  public Optional<HostPort> endpoint(Endpoint endpoint) {
    return Optional.ofNullable(endpoints.get(endpoint));
  }
}
