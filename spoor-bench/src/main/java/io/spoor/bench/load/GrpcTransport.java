package io.spoor.bench.load;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * OTLP/gRPC {@code Export} calls over one grpc-java channel, hence one HTTP/2 connection. The method is the
 * one of opentelemetry-proto's {@link TraceServiceGrpc} with a pass-through marshaller, so the pre-encoded
 * {@code ExportTraceServiceRequest} bytes go out as they are and the response is not parsed.
 */
final class GrpcTransport implements Transport {
  private static final MethodDescriptor<byte[], byte[]> EXPORT = TraceServiceGrpc.getExportMethod()
      .toBuilder(new RawMarshaller(), new RawMarshaller())
      .build();

  private final ManagedChannel channel;
  private final Duration timeout;

  GrpcTransport(String host, int port, Duration timeout) {
    this.timeout = timeout;
    this.channel = NettyChannelBuilder.forAddress(host, port)
        .usePlaintext()
        .maxInboundMessageSize(4 << 20)
        .build();
  }

  @Override
  public Outcome send(byte[] body) throws InterruptedException {
    try {
      ClientCalls.blockingUnaryCall(channel, EXPORT,
          CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS), body);
      return new Outcome(Outcome.Kind.ACCEPTED, "OK");
    } catch (StatusRuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted during an OTLP/gRPC export");
      }
      return new Outcome(kind(e.getStatus().getCode()), e.getStatus().getCode().name());
    }
  }

  private static Outcome.Kind kind(Status.Code code) {
    return switch (code) {
      case RESOURCE_EXHAUSTED -> Outcome.Kind.THROTTLED;
      case UNAVAILABLE, DEADLINE_EXCEEDED -> Outcome.Kind.UNREACHABLE;
      default -> Outcome.Kind.REJECTED;
    };
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }

  /** Passes bytes through; grpc-java frames and (de)compresses them. */
  private static final class RawMarshaller implements MethodDescriptor.Marshaller<byte[]> {
    @Override
    public InputStream stream(byte[] value) {
      return new ByteArrayInputStream(value);
    }

    @Override
    public byte[] parse(InputStream stream) {
      try (stream) {
        return stream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read an OTLP/gRPC response", e);
      }
    }
  }
}
