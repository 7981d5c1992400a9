package io.spoor.collector.receiver;

import io.spoor.codec.zipkin.ZipkinCodec;
import io.spoor.codec.zipkin.ZipkinFormat;
import io.spoor.collector.pipeline.SpanProcessor;

/**
 * Zipkin's collector endpoints on 9411: {@code /api/v2/spans} (JSON, proto3) and {@code /api/v1/spans}
 * (JSON, Thrift). Answers 202 like Zipkin and Jaeger.
 */
public final class ZipkinHttpReceiver {
  public static final String V2_PATH = "/api/v2/spans";
  public static final String V1_PATH = "/api/v1/spans";

  private ZipkinHttpReceiver() {}

  public static HttpSpanReceiver v2(SpanProcessor processor) {
    return HttpSpanReceiver.builder(processor, "zipkin")
        .acceptWith202("application/json", body -> ZipkinCodec.decode(ZipkinFormat.JSON_V2, body))
        .acceptWith202("application/x-protobuf", body -> ZipkinCodec.decode(ZipkinFormat.PROTO3, body))
        .acceptWith202("application/protobuf", body -> ZipkinCodec.decode(ZipkinFormat.PROTO3, body))
        .build();
  }

  public static HttpSpanReceiver v1(SpanProcessor processor) {
    return HttpSpanReceiver.builder(processor, "zipkin")
        .acceptWith202("application/json", body -> ZipkinCodec.decode(ZipkinFormat.JSON_V1, body))
        .acceptWith202("application/x-thrift", body -> ZipkinCodec.decode(ZipkinFormat.THRIFT, body))
        .build();
  }
}
