package io.spoor.storage;

/**
 * The query is well-formed but this backend cannot evaluate it (for example: no service name on a
 * backend without {@link Capability#SEARCH_WITHOUT_SERVICE}). Maps to HTTP 400 and gRPC
 * INVALID_ARGUMENT with the message.
 */
public class UnsupportedQueryException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public UnsupportedQueryException(String message) {
    super(message);
  }
}
