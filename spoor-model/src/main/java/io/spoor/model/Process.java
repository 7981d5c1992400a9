package io.spoor.model;

import java.util.List;
import java.util.Objects;

/** The emitting service: its name and process-wide tags (host, version, OTLP resource attributes). */
public record Process(String serviceName, List<KeyValue> tags) {
  public Process {
    Objects.requireNonNull(serviceName, "serviceName");
    tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
  }

  public static Process of(String serviceName, KeyValue... tags) {
    return new Process(serviceName, List.of(tags));
  }
}
