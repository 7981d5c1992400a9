package io.spoor.storage;

import io.spoor.model.SpanKind;
import java.util.Comparator;
import java.util.Objects;

/** An operation name of a service, with the kind of the spans that carried it. */
public record Operation(String name, SpanKind kind) implements Comparable<Operation> {
  private static final Comparator<Operation> ORDER =
      Comparator.comparing(Operation::name).thenComparing(Operation::kind);

  public Operation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  @Override
  public int compareTo(Operation o) {
    return ORDER.compare(this, o);
  }
}
