package io.spoor.model;

/** How a span relates to the span it references. */
public enum RefType {
  CHILD_OF,
  FOLLOWS_FROM
}
