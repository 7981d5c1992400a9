package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

/**
 * How one request ended: accepted (HTTP 2xx, gRPC OK), throttled (HTTP 429, gRPC RESOURCE_EXHAUSTED) or failed,
 * with a label to count it by ({@code "202"}, {@code "RESOURCE_EXHAUSTED"}, {@code "ConnectException"}).
 */
record Outcome(Kind kind, String label) {
  enum Kind {
    ACCEPTED, THROTTLED, FAILED
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
    return new Outcome(status == 429 ? Kind.THROTTLED : Kind.FAILED, label);
  }

  static Outcome ofException(Throwable error) {
    return new Outcome(Kind.FAILED, error.getClass().getSimpleName());
  }
}
