package io.spoor.model;

import java.util.Locale;

/**
 * The role of a span, carried in Jaeger's model as the {@code span.kind} string tag. {@link #UNSPECIFIED}
 * stands for a span without (or with an unknown) kind and renders as the empty string.
 */
public enum SpanKind {
  UNSPECIFIED(""),
  CLIENT("client"),
  SERVER("server"),
  PRODUCER("producer"),
  CONSUMER("consumer"),
  INTERNAL("internal");

  /** The tag key that holds the kind. */
  public static final String TAG_KEY = "span.kind";

  private final String tagValue;

  SpanKind(String tagValue) {
    this.tagValue = tagValue;
  }

  /** {@code server}, {@code client}, ... or {@code ""} for {@link #UNSPECIFIED}. */
  public String tagValue() {
    return tagValue;
  }

  /** Case-insensitive; {@code ""} or an unknown value gives {@link #UNSPECIFIED}. */
  public static SpanKind fromTagValue(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    for (SpanKind kind : values()) {
      if (kind.tagValue.equals(v)) {
        return kind;
      }
    }
    return UNSPECIFIED;
  }

  /**
   * Strict parsing for user input such as {@code spanKind=server}: {@code ""} is {@link #UNSPECIFIED},
   * anything unknown is refused.
   */
  public static SpanKind parse(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    for (SpanKind kind : values()) {
      if (kind.tagValue.equals(v)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "span kind: \"" + value + "\" (expected: server, client, producer, consumer, internal or empty)");
  }
}
