package io.spoor.codec.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.spoor.codec.DecodeException;
import io.spoor.model.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * OTLP traces to Spoor's model and back, in protobuf and in the OTLP/HTTP JSON encoding.
 *
 * <p>Decoding follows Jaeger's OTLP translator: the resource becomes the {@link
 * io.spoor.model.Process} ({@code service.name} is the service, the other attributes are process
 * tags), attributes become typed tags, and kind, status, scope and trace state become the tags Jaeger
 * uses ({@code span.kind}, {@code otel.status_code}, {@code error}, {@code otel.scope.name}, {@code
 * w3c.tracestate}, ...). Encoding reverses it. {@code docs/mapping/otlp.md} lists every rule.
 *
 * <p>Malformed input (bytes that are not the message, JSON of the wrong shape, an id that is not hex)
 * raises {@link DecodeException} naming where it was found. A span whose ids are missing or all zeros
 * does not fail the request: it is left out and counted in {@link OtlpDecodeResult#rejectedSpans()}.
 *
 * <p>All methods are pure and thread-safe.
 */
public final class OtlpCodec {
  private OtlpCodec() {}

  /** The spans of an OTLP export request; rejected spans are counted, not thrown. */
  public static OtlpDecodeResult decode(ExportTraceServiceRequest request) {
    Objects.requireNonNull(request, "request");
    return OtlpToModel.decode(request.getResourceSpansList());
  }

  /** The spans of a {@code TracesData} (api_v3, files); rejected spans are counted, not thrown. */
  public static OtlpDecodeResult decode(TracesData data) {
    Objects.requireNonNull(data, "data");
    return OtlpToModel.decode(data.getResourceSpansList());
  }

  /**
   * Decodes a protobuf {@code ExportTraceServiceRequest} (which has the same bytes as {@code
   * TracesData}).
   *
   * @throws DecodeException when the bytes are not such a message
   */
  public static OtlpDecodeResult decodeProtobuf(byte[] body) {
    Objects.requireNonNull(body, "body");
    try {
      return decode(ExportTraceServiceRequest.parseFrom(body));
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException("OTLP protobuf: " + e.getMessage() + " (expected: an "
          + "ExportTraceServiceRequest)", e);
    }
  }

  /**
   * Decodes the OTLP/HTTP JSON encoding of {@code ExportTraceServiceRequest} or {@code TracesData}.
   *
   * @throws DecodeException naming the JSON path of the first malformed value
   */
  public static OtlpDecodeResult decodeJson(byte[] body) {
    return decode(parseJson(body));
  }

  /** As {@link #decodeJson(byte[])}, streaming from {@code body}; the stream is not closed. */
  public static OtlpDecodeResult decodeJson(InputStream body) {
    Objects.requireNonNull(body, "body");
    return decode(OtlpJsonReader.read(body));
  }

  /**
   * Parses OTLP/HTTP JSON into the protobuf message, without mapping it to the model.
   *
   * @throws DecodeException naming the JSON path of the first malformed value
   */
  public static ExportTraceServiceRequest parseJson(byte[] body) {
    Objects.requireNonNull(body, "body");
    return OtlpJsonReader.read(body);
  }

  /**
   * The spans as {@code TracesData}: one {@code ResourceSpans} per distinct process (in order of first
   * appearance), one {@code ScopeSpans} per instrumentation scope within it.
   */
  public static TracesData encode(List<Span> spans) {
    Objects.requireNonNull(spans, "spans");
    return ModelToOtlp.encode(spans);
  }

  /** As {@link #encode(List)}, wrapped in an export request. */
  public static ExportTraceServiceRequest encodeRequest(List<Span> spans) {
    return ExportTraceServiceRequest.newBuilder()
        .addAllResourceSpans(encode(spans).getResourceSpansList())
        .build();
  }

  /** The spans in the OTLP/HTTP JSON encoding ({@code {"resourceSpans":[...]}}). */
  public static byte[] encodeJson(List<Span> spans) {
    return toJson(encode(spans));
  }

  /** {@code TracesData} in the OTLP/HTTP JSON encoding. */
  public static byte[] toJson(TracesData data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeJson(data.getResourceSpansList(), out);
    return out.toByteArray();
  }

  /** An export request in the OTLP/HTTP JSON encoding. */
  public static byte[] toJson(ExportTraceServiceRequest request) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writeJson(request.getResourceSpansList(), out);
    return out.toByteArray();
  }

  /**
   * Writes resource spans as OTLP/HTTP JSON to {@code out}, which is flushed but not closed.
   *
   * @throws UncheckedIOException when {@code out} fails
   */
  public static void writeJson(List<ResourceSpans> resourceSpans, OutputStream out) {
    Objects.requireNonNull(resourceSpans, "resourceSpans");
    Objects.requireNonNull(out, "out");
    try {
      OtlpJsonWriter.write(resourceSpans, new NonClosingOutputStream(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps Jackson from closing a stream the caller owns. */
  private static final class NonClosingOutputStream extends java.io.FilterOutputStream {
    NonClosingOutputStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
