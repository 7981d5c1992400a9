package io.spoor.codec.zipkin;

import io.spoor.codec.DecodeException;
import io.spoor.model.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Zipkin spans to Spoor's model and back. Bytes are decoded by the {@code io.zipkin.zipkin2} library
 * (JSON v1, Thrift, JSON v2, proto3); each {@code zipkin2.Span} is then mapped as Jaeger's Zipkin
 * receiver maps it: the local endpoint is the process, the remote endpoint becomes {@code peer.*}
 * tags, the kind becomes {@code span.kind}, annotations become logs, microseconds become nanoseconds.
 * {@code docs/mapping/zipkin.md} lists every rule.
 *
 * <p>A span that Zipkin shares between client and server ({@code shared=true}) keeps its span id;
 * the query side tells the two halves apart, as Jaeger's span-id deduper does.
 *
 * <p>All methods are pure and thread-safe.
 */
public final class ZipkinCodec {
  private ZipkinCodec() {}

  /**
   * Decodes a list of spans in the given format.
   *
   * @throws DecodeException naming the format when the bytes cannot be decoded
   */
  /** The element type byte of a Thrift list of structs. */
  private static final byte THRIFT_STRUCT = 12;

  /** zipkin2's JSON decoders answer an empty list for a JSON object; a client that sent one made a mistake. */
  private static boolean startsWithArray(byte[] body) {
    for (byte b : body) {
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        continue;
      }
      return b == '[';
    }
    return true; // an empty body is an empty list
  }

  public static List<Span> decode(ZipkinFormat format, byte[] body) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(body, "body");
    if ((format == ZipkinFormat.JSON_V1 || format == ZipkinFormat.JSON_V2) && !startsWithArray(body)) {
      throw new DecodeException("Zipkin " + format + ": the body is not a JSON list (expected: [span, ...])");
    }
    if (format == ZipkinFormat.THRIFT && body.length > 0 && body[0] != THRIFT_STRUCT) {
      throw new DecodeException("Zipkin THRIFT: the body is not a list of spans (expected: a TBinaryProtocol "
          + "list header of struct type 12, found " + (body[0] & 0xff) + ")");
    }
    List<zipkin2.Span> spans;
    try {
      spans = format.decoder().decodeList(body);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // zipkin2 reports malformed input (and bad ids, via its Span builder) this way
      throw new DecodeException("Zipkin " + format + ": " + e.getMessage(), e);
    }
    return toModel(spans);
  }

  /** Maps decoded Zipkin spans to the model, in order. */
  public static List<Span> toModel(List<zipkin2.Span> spans) {
    Objects.requireNonNull(spans, "spans");
    List<Span> out = new ArrayList<>(spans.size());
    for (zipkin2.Span span : spans) {
      out.add(toModel(span));
    }
    return out;
  }

  /** Maps one Zipkin span to the model. */
  public static Span toModel(zipkin2.Span span) {
    Objects.requireNonNull(span, "span");
    return ZipkinToModel.toModel(span);
  }

  /**
   * The span as a Zipkin v2 span: the reverse mapping. Process tags other than {@code ip}, {@code
   * hostname} and {@code jaeger.version} have no place in Zipkin and are left out; typed tags become
   * strings.
   */
  public static zipkin2.Span toZipkin(Span span) {
    Objects.requireNonNull(span, "span");
    return ModelToZipkin.toZipkin(span);
  }

  /** Encodes spans as a list message in the given format. */
  public static byte[] encode(ZipkinFormat format, List<Span> spans) {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(spans, "spans");
    List<zipkin2.Span> out = new ArrayList<>(spans.size());
    for (Span span : spans) {
      out.add(toZipkin(span));
    }
    return format.encoder().encodeList(out);
  }
}
