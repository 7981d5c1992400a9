package io.spoor.client.propagation;

import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import io.spoor.client.SpoorSpanContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Several formats at once. Inject writes every format. Extract asks each in order: the first context with
 * a trace wins; baggage from all of them is merged (the winning format's items last, so they win too); a
 * debug id from any of them is kept.
 */
public final class CompositePropagator implements Propagator {
  private final List<Propagator> propagators;

  /**
   * A composite of the given formats, in order.
   *
   * @throws IllegalArgumentException when the list is empty
   */
  public CompositePropagator(List<Propagator> propagators) {
    if (propagators.isEmpty()) {
      throw new IllegalArgumentException("propagators: [] (expected: at least one)");
    }
    this.propagators = List.copyOf(propagators);
  }

  @Override
  public void inject(SpoorSpanContext context, TextMapInject carrier) {
    for (Propagator p : propagators) {
      p.inject(context, carrier);
    }
  }

  @Override
  public @Nullable SpoorSpanContext extract(TextMapExtract carrier) {
    SpoorSpanContext winner = null;
    Map<String, String> baggage = new LinkedHashMap<>();
    String debugId = null;
    for (Propagator p : propagators) {
      SpoorSpanContext found = p.extract(carrier);
      if (found == null) {
        continue;
      }
      if (found.debugId() != null) {
        debugId = found.debugId();
      }
      if (winner == null && found.hasTraceId()) {
        winner = found;
      } else {
        baggage.putAll(found.baggage());
      }
    }
    if (winner == null) {
      return baggage.isEmpty() && debugId == null ? null : SpoorSpanContext.withoutTrace(baggage, debugId);
    }
    if (!baggage.isEmpty()) {
      baggage.putAll(winner.baggage());
      winner = winner.withBaggage(baggage);
    }
    return debugId == null ? winner : winner.withDebugId(debugId);
  }

  @Override
  public String toString() {
    return "CompositePropagator" + propagators;
  }
}
