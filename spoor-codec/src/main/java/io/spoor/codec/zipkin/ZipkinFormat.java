package io.spoor.codec.zipkin;

import io.spoor.codec.DecodeException;
import java.util.Objects;
import zipkin2.SpanBytesDecoderDetector;
import zipkin2.codec.BytesDecoder;
import zipkin2.codec.SpanBytesDecoder;
import zipkin2.codec.SpanBytesEncoder;

/** The Zipkin wire formats Jaeger's Zipkin receiver accepts on {@code /api/v1/spans} and {@code /api/v2/spans}. */
public enum ZipkinFormat {
  /** v1 JSON list ({@code /api/v1/spans}, {@code application/json}). */
  JSON_V1(SpanBytesDecoder.JSON_V1, SpanBytesEncoder.JSON_V1),
  /** v1 Thrift: a TBinaryProtocol list of {@code zipkincore.Span} ({@code application/x-thrift}). */
  THRIFT(SpanBytesDecoder.THRIFT, SpanBytesEncoder.THRIFT),
  /** v2 JSON list ({@code /api/v2/spans}, {@code application/json}). */
  JSON_V2(SpanBytesDecoder.JSON_V2, SpanBytesEncoder.JSON_V2),
  /** v2 proto3 {@code zipkin.proto3.ListOfSpans} ({@code application/x-protobuf}). */
  PROTO3(SpanBytesDecoder.PROTO3, SpanBytesEncoder.PROTO3);

  private final SpanBytesDecoder decoder;
  private final SpanBytesEncoder encoder;

  ZipkinFormat(SpanBytesDecoder decoder, SpanBytesEncoder encoder) {
    this.decoder = decoder;
    this.encoder = encoder;
  }

  SpanBytesDecoder decoder() {
    return decoder;
  }

  SpanBytesEncoder encoder() {
    return encoder;
  }

  /**
   * Guesses the format of a list message from its first bytes, as Zipkin's own collector does.
   *
   * @throws DecodeException when the bytes look like no Zipkin list
   */
  public static ZipkinFormat detect(byte[] body) {
    Objects.requireNonNull(body, "body");
    BytesDecoder<zipkin2.Span> detected;
    try {
      detected = SpanBytesDecoderDetector.decoderForListMessage(body);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("Zipkin: " + e.getMessage()
          + " (expected: a list of spans in JSON v1/v2, Thrift or proto3)", e);
    }
    for (ZipkinFormat format : values()) {
      if (format.decoder == detected) {
        return format;
      }
    }
    throw new DecodeException("Zipkin: unsupported encoding " + detected
        + " (expected: JSON v1/v2, Thrift or proto3)");
  }
}
