package io.spoor.client;

import static java.util.Objects.requireNonNull;

/**
 * A reference from a span to another span's context.
 *
 * @param type {@code child_of} or {@code follows_from} ({@link io.opentracing.References})
 * @param context the referenced context
 */
public record SpanReference(String type, SpoorSpanContext context) {
  /** Validates the type. */
  public SpanReference {
    requireNonNull(type, "type");
    requireNonNull(context, "context");
    if (!type.equals(io.opentracing.References.CHILD_OF) && !type.equals(io.opentracing.References.FOLLOWS_FROM)) {
      throw new IllegalArgumentException("reference type: " + type + " (expected: child_of or follows_from)");
    }
  }

  /** Whether this is a {@code child_of} reference. */
  public boolean isChildOf() {
    return type.equals(io.opentracing.References.CHILD_OF);
  }
}
