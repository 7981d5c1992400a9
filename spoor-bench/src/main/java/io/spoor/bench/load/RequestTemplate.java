package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.BatchEncoder.EncodedBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A pre-encoded request body whose trace ids can be made fresh per request without re-encoding.
 *
 * <p>Every trace id's high 64 bits are a random value that occurs in the encoded body only where the trace id
 * is written. {@link #render} copies the body and overwrites the low 32 bits of each such high half with the
 * request's sequence number: the traces of one body stay distinct (their random upper 32 bits differ) and no
 * two requests share a trace, for the first 2^32 requests. Span ids are left alone; stores key spans by trace.
 *
 * <p>Immutable and safe to share between threads.
 */
final class RequestTemplate {
  private final byte[] bytes;
  private final int spanCount;
  private final int[] sequenceOffsets;
  private final IdEncoding encoding;

  /** How the format writes a trace id. */
  enum IdEncoding {
    /** 8 big-endian bytes per half: protobuf {@code bytes}, Thrift {@code i64}. */
    BINARY,
    /** 16 lower-case hex characters per half: Zipkin JSON. */
    HEX
  }

  private RequestTemplate(byte[] bytes, int spanCount, int[] sequenceOffsets, IdEncoding encoding) {
    this.bytes = bytes;
    this.spanCount = spanCount;
    this.sequenceOffsets = sequenceOffsets;
    this.encoding = encoding;
  }

  /**
   * Finds where each trace id of {@code body} is written.
   *
   * @throws IllegalStateException if a trace id's high half is not in the body as {@code encoding} writes it
   */
  static RequestTemplate of(EncodedBody body, IdEncoding encoding) {
    requireNonNull(body, "body");
    requireNonNull(encoding, "encoding");
    List<Integer> offsets = new ArrayList<>();
    for (long high : body.traceIdHighs()) {
      byte[] pattern = encoding == IdEncoding.BINARY ? bigEndian(high) : hex(high);
      int before = offsets.size();
      for (int at = indexOf(body.bytes(), pattern, 0); at >= 0; at = indexOf(body.bytes(), pattern, at + 1)) {
        offsets.add(at + pattern.length / 2); // the low 32 bits of the high half
      }
      if (offsets.size() == before) {
        throw new IllegalStateException("trace id high half " + Long.toHexString(high)
            + " not found in a " + body.bytes().length + "-byte body (expected: written as " + encoding + ")");
      }
    }
    return new RequestTemplate(body.bytes().clone(), body.spanCount(),
        offsets.stream().mapToInt(Integer::intValue).toArray(), encoding);
  }

  int spanCount() {
    return spanCount;
  }

  int size() {
    return bytes.length;
  }

  /** Returns a fresh copy of the body with {@code sequence} stamped into every trace id. */
  byte[] render(int sequence) {
    byte[] copy = bytes.clone();
    for (int offset : sequenceOffsets) {
      if (encoding == IdEncoding.BINARY) {
        for (int i = 0; i < 4; i++) {
          copy[offset + i] = (byte) (sequence >>> (24 - 8 * i));
        }
      } else {
        for (int i = 0; i < 8; i++) {
          copy[offset + i] = (byte) Character.forDigit((sequence >>> (28 - 4 * i)) & 0xf, 16);
        }
      }
    }
    return copy;
  }

  private static byte[] bigEndian(long value) {
    byte[] result = new byte[8];
    for (int i = 0; i < 8; i++) {
      result[i] = (byte) (value >>> (56 - 8 * i));
    }
    return result;
  }

  private static byte[] hex(long value) {
    return String.format("%016x", value).getBytes(StandardCharsets.US_ASCII);
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Override
  public String toString() {
    return "RequestTemplate{" + bytes.length + " bytes, " + spanCount + " spans, "
        + sequenceOffsets.length + " trace id sites, " + encoding + "}";
  }
}
