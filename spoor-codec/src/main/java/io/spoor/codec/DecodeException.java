package io.spoor.codec;

/**
 * Input that a codec cannot decode: malformed bytes or JSON, a wrong type, a bad id. The message says
 * what was wrong and where ({@code "OTLP JSON: resourceSpans[0].scopeSpans[1].spans[3].traceId:
 * \"xyz\" (expected: 32 hex digits)"}). It is an {@link IllegalArgumentException}, so every edge maps it
 * to HTTP 400 / gRPC INVALID_ARGUMENT.
 */
public class DecodeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
