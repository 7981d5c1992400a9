package io.spoor.collector.receiver;

import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.codec.jaeger.thrift.ThriftProtocol;
import io.spoor.collector.pipeline.SpanProcessor;

/**
 * Jaeger's {@code POST /api/traces} on 14268: one Thrift {@code Batch} in the binary protocol, as
 * jaeger-client's HttpSender posts it. Answers 202 like Jaeger.
 */
public final class JaegerHttpReceiver {
  /** The path Jaeger clients post to. */
  public static final String PATH = "/api/traces";

  private JaegerHttpReceiver() {}

  public static HttpSpanReceiver create(SpanProcessor processor, JaegerThriftCodec codec) {
    return HttpSpanReceiver.builder(processor, "jaeger")
        .acceptWith202("application/x-thrift", body -> codec.decodeBatch(body, ThriftProtocol.BINARY))
        .acceptWith202("application/vnd.apache.thrift.binary",
            body -> codec.decodeBatch(body, ThriftProtocol.BINARY))
        .build();
  }
}
