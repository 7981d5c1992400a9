package io.spoor.storage;

/**
 * The backend failed (unreachable, timed out, refused the write). Backends throw it with the
 * driver's own message and cause, so the operator sees the searchable original.
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
