package io.spoor.server;

/**
 * A server command could not start (a port in use, storage unreachable). Reported as one line and
 * exit code 1, without a stack trace: the message already says what to fix.
 */
final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
