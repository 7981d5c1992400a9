package io.spoor.collector.sanitizer;

import io.spoor.model.Span;
import java.util.List;

/** Repairs one kind of defect in a span. Stateless, thread-safe; returns the span itself when clean. */
@FunctionalInterface
public interface SpanSanitizer {
  Span sanitize(Span span);

  /** Applies each sanitizer in order. */
  static SpanSanitizer chain(List<SpanSanitizer> sanitizers) {
    List<SpanSanitizer> copy = List.copyOf(sanitizers);
    return span -> {
      Span s = span;
      for (SpanSanitizer sanitizer : copy) {
        s = sanitizer.sanitize(s);
      }
      return s;
    };
  }

  /**
   * The collector's default chain: empty service names, broken UTF-16 text, then tag values longer
   * than {@code maxTagValueLength} characters.
   */
  static SpanSanitizer standard(int maxTagValueLength) {
    return chain(List.of(
        new EmptyServiceNameSanitizer(),
        new TextSanitizer(),
        new TagValueLengthSanitizer(maxTagValueLength)));
  }
}
