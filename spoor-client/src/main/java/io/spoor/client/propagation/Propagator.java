package io.spoor.client.propagation;

import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import io.spoor.client.SpoorSpanContext;
import org.jspecify.annotations.Nullable;

/** Writes a span context into text carriers and reads it back. Implementations are immutable and thread-safe. */
public interface Propagator {
  /** Writes the context (and what of its baggage the format carries) into the carrier. */
  void inject(SpoorSpanContext context, TextMapInject carrier);

  /**
   * Reads a context from the carrier.
   *
   * @return the context; one without a trace id when the carrier held only baggage or a debug id; null when
   *     it held nothing of this format or a malformed value
   */
  @Nullable SpoorSpanContext extract(TextMapExtract carrier);
}
