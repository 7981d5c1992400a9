package io.spoor.bench.load;

import io.spoor.bench.load.RequestTemplate.IdEncoding;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import zipkin2.codec.SpanBytesEncoder;

/**
 * A wire format the load generator speaks: how bodies are encoded, where they are sent by default and with
 * which content type. The command-line name is the enum name in lower case with dashes ({@code otlp-http}).
 */
public enum Format {
  /** OTLP/HTTP with a binary protobuf body, {@code POST /v1/traces}. */
  OTLP_HTTP(4318, "/v1/traces", "application/x-protobuf", IdEncoding.BINARY, OtlpEncoder::new),
  /** OTLP/gRPC, {@code opentelemetry.proto.collector.trace.v1.TraceService/Export}. */
  OTLP_GRPC(4317, "", "application/grpc", IdEncoding.BINARY, OtlpEncoder::new),
  /** Jaeger Thrift (binary protocol) over HTTP, {@code POST /api/traces}. */
  JAEGER_THRIFT_HTTP(14268, "/api/traces", "application/x-thrift", IdEncoding.BINARY, JaegerThriftEncoder::new),
  /** Zipkin v2 JSON, {@code POST /api/v2/spans}. */
  ZIPKIN_JSON(9411, "/api/v2/spans", "application/json", IdEncoding.HEX,
      () -> new ZipkinEncoder(SpanBytesEncoder.JSON_V2)),
  /** Zipkin v2 protobuf, {@code POST /api/v2/spans}. */
  ZIPKIN_PROTO3(9411, "/api/v2/spans", "application/x-protobuf", IdEncoding.BINARY,
      () -> new ZipkinEncoder(SpanBytesEncoder.PROTO3));

  private final int defaultPort;
  private final String path;
  private final String contentType;
  private final IdEncoding idEncoding;
  private final Supplier<BatchEncoder> encoder;

  Format(int defaultPort, String path, String contentType, IdEncoding idEncoding,
      Supplier<BatchEncoder> encoder) {
    this.defaultPort = defaultPort;
    this.path = path;
    this.contentType = contentType;
    this.idEncoding = idEncoding;
    this.encoder = encoder;
  }

  /** Parses a command-line name such as {@code zipkin-json}. */
  public static Format of(String name) {
    for (Format format : values()) {
      if (format.cliName().equals(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException("format: " + name + " (expected: one of "
        + Arrays.stream(values()).map(Format::cliName).toList() + ")");
  }

  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The port the peer's collector listens on by default for this format. */
  public int defaultPort() {
    return defaultPort;
  }

  /** The request path appended to the target's base URL; empty for gRPC. */
  public String path() {
    return path;
  }

  String contentType() {
    return contentType;
  }

  IdEncoding idEncoding() {
    return idEncoding;
  }

  BatchEncoder newEncoder() {
    return encoder.get();
  }

  boolean isGrpc() {
    return this == OTLP_GRPC;
  }

  @Override
  public String toString() {
    return cliName();
  }
}
