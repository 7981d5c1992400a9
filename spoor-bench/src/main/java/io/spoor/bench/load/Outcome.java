package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

/**
 * How one request ended, with a label to count it by ({@code "202"}, {@code "RESOURCE_EXHAUSTED"},
 * {@code "ConnectException"}).
 */
record Outcome(Kind kind, String label) {
  enum Kind {
    /** HTTP 2xx, gRPC OK. */
    ACCEPTED,
    /** HTTP 429, gRPC RESOURCE_EXHAUSTED. */
    THROTTLED,
    /** The server answered with any other status. */
    REJECTED,
    /** No answer: refused connection, I/O error, timeout (gRPC UNAVAILABLE or DEADLINE_EXCEEDED). */
    UNREACHABLE
  }

  Outcome {
    requireNonNull(kind, "kind");
    requireNonNull(label, "label");
  }

  static Outcome ofHttpStatus(int status) {
    String label = Integer.toString(status);
    if (status >= 200 && status < 300) {
      return new Outcome(Kind.ACCEPTED, label);
    }
    return new Outcome(status == 429 ? Kind.THROTTLED : Kind.REJECTED, label);
  }

  static Outcome ofException(Throwable error) {
    return new Outcome(Kind.UNREACHABLE, error.getClass().getSimpleName());
  }
}
