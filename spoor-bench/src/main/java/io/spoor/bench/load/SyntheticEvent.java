package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A timestamped event inside a span: a Jaeger log, an OTLP span event, a Zipkin annotation. */
record SyntheticEvent(long timestampMicros, String name, List<SyntheticTag> attributes) {
  SyntheticEvent {
    requireNonNull(name, "name");
    attributes = List.copyOf(attributes);
  }
}
