package io.spoor.model;

import java.util.List;
import java.util.Objects;

/** A timestamped set of fields attached to a span (an OTLP event, a Zipkin annotation). */
public record Log(long timestampNanos, List<KeyValue> fields) {
  public Log {
    fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
  }

  public static Log of(long timestampNanos, KeyValue... fields) {
    return new Log(timestampNanos, List.of(fields));
  }
}
