package io.spoor.client.propagation;

import java.util.Locale;

/** The formats {@code JAEGER_PROPAGATION} can name, comma-separated. */
public enum PropagationFormat {
  /** {@code jaeger}: uber-trace-id and uberctx-* ({@link JaegerPropagator}). */
  JAEGER,
  /** {@code b3}: B3 multi-header inject, both styles on extract ({@link B3Propagator#multiHeader()}). */
  B3,
  /** {@code b3single}: the single {@code b3} header ({@link B3Propagator#singleHeader()}). */
  B3_SINGLE,
  /** {@code w3c}: traceparent and tracestate ({@link TraceContextPropagator}) with W3C baggage. */
  W3C,
  /** {@code baggage}: W3C baggage alone ({@link W3cBaggagePropagator}). */
  BAGGAGE;

  /**
   * Reads one name: jaeger, b3, b3multi, b3single, w3c, tracecontext or baggage, in any case.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static PropagationFormat parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "jaeger" -> JAEGER;
      case "b3", "b3multi" -> B3;
      case "b3single" -> B3_SINGLE;
      case "w3c", "tracecontext" -> W3C;
      case "baggage" -> BAGGAGE;
      default -> throw new IllegalArgumentException(
          "propagation: " + name + " (expected: jaeger, b3, b3single, w3c or baggage)");
    };
  }

  /** The propagator for TEXT_MAP carriers (Jaeger values not URL-encoded). */
  public Propagator textMapPropagator() {
    return this == JAEGER ? JaegerPropagator.textMap() : common();
  }

  /** The propagator for HTTP_HEADERS carriers (Jaeger values URL-encoded). */
  public Propagator httpHeadersPropagator() {
    return this == JAEGER ? JaegerPropagator.httpHeaders() : common();
  }

  private Propagator common() {
    return switch (this) {
      case JAEGER -> JaegerPropagator.textMap();
      case B3 -> B3Propagator.multiHeader();
      case B3_SINGLE -> B3Propagator.singleHeader();
      case W3C -> new CompositePropagator(java.util.List.of(new TraceContextPropagator(), new W3cBaggagePropagator()));
      case BAGGAGE -> new W3cBaggagePropagator();
    };
  }
}
