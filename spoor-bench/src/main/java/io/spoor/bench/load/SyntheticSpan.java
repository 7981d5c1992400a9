package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A span of a generated trace in a neutral form that each {@link BatchEncoder} maps to its peer's wire model.
 * A {@code parentId} of 0 marks a root span; {@code traceIdHigh} is never 0, so every encoding carries all
 * 128 bits of the trace id (see {@link RequestTemplate}).
 */
record SyntheticSpan(
    long traceIdHigh,
    long traceIdLow,
    long spanId,
    long parentId,
    String service,
    String operation,
    Kind kind,
    long startMicros,
    long durationMicros,
    boolean error,
    List<SyntheticTag> tags,
    List<SyntheticEvent> events) {

  /** The role of a span in a remote call, as OpenTelemetry, Jaeger and Zipkin all name it. */
  enum Kind {
    SERVER, CLIENT, INTERNAL, PRODUCER, CONSUMER
  }

  SyntheticSpan {
    if (traceIdHigh == 0) {
      throw new IllegalArgumentException("traceIdHigh: 0 (expected: non-zero, a 128-bit trace id)");
    }
    if (spanId == 0) {
      throw new IllegalArgumentException("spanId: 0 (expected: non-zero)");
    }
    requireNonNull(service, "service");
    requireNonNull(operation, "operation");
    requireNonNull(kind, "kind");
    tags = List.copyOf(tags);
    events = List.copyOf(events);
  }

  boolean isRoot() {
    return parentId == 0;
  }
}
