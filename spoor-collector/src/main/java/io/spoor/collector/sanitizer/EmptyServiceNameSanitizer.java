package io.spoor.collector.sanitizer;

import io.spoor.model.Process;
import io.spoor.model.Span;

/**
 * Names the service of a span whose process has none, with Jaeger's replacement
 * {@code empty-service-name}, so the span stays searchable.
 */
final class EmptyServiceNameSanitizer implements SpanSanitizer {
  static final String REPLACEMENT = "empty-service-name";

  @Override
  public Span sanitize(Span span) {
    if (!span.serviceName().isBlank()) {
      return span;
    }
    return span.toBuilder()
        .process(new Process(REPLACEMENT, span.process().tags()))
        .addWarning("service name was empty; replaced with " + REPLACEMENT)
        .build();
  }
}
