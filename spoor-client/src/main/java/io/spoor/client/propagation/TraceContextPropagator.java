package io.spoor.client.propagation;

import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import io.spoor.client.SpoorSpanContext;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * W3C Trace Context: {@code traceparent: 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>} and
 * {@code tracestate}, passed on unchanged. Only the sampled bit of the flags exists in W3C; a debug
 * context is injected as sampled. Version {@code ff}, all-zero ids and a version-00 header with extra
 * fields are refused; higher versions are read by their first four fields, as the specification asks.
 */
public final class TraceContextPropagator implements Propagator {
  static final String TRACEPARENT = "traceparent";
  static final String TRACESTATE = "tracestate";

  @Override
  public void inject(SpoorSpanContext context, TextMapInject carrier) {
    carrier.put(TRACEPARENT, "00-" + context.traceIdHex32() + "-" + context.toSpanId()
        + (context.isSampled() ? "-01" : "-00"));
    String state = context.traceState();
    if (state != null && !state.isEmpty()) {
      carrier.put(TRACESTATE, state);
    }
  }

  @Override
  public @Nullable SpoorSpanContext extract(TextMapExtract carrier) {
    String parent = null;
    String state = null;
    for (Map.Entry<String, String> entry : carrier) {
      String key = entry.getKey().toLowerCase(Locale.ROOT);
      if (key.equals(TRACEPARENT)) {
        parent = entry.getValue();
      } else if (key.equals(TRACESTATE)) {
        state = entry.getValue();
      }
    }
    if (parent == null) {
      return null;
    }
    SpoorSpanContext context = parse(parent.trim());
    return context == null ? null : context.withTraceState(state);
  }

  private static @Nullable SpoorSpanContext parse(String value) {
    if (value.length() < 55 || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
      return null;
    }
    String version = value.substring(0, 2);
    if (version.equals("ff") || (version.equals("00") && value.length() != 55)
        || (value.length() > 55 && value.charAt(55) != '-')) {
      return null;
    }
    try {
      if (Hex.parse(version, 0, 2) < 0 || !isLowerHex(value)) {
        return null;
      }
      long high = Hex.parse(value, 3, 19);
      long low = Hex.parse(value, 19, 35);
      long spanId = Hex.parse(value, 36, 52);
      int flags = (int) Hex.parse(value, 53, 55);
      if ((high == 0 && low == 0) || spanId == 0) {
        return null;
      }
      return SpoorSpanContext.of(high, low, spanId, 0, (flags & 1) != 0 ? SpoorSpanContext.SAMPLED : 0);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isLowerHex(String value) {
    for (int i = 0; i < 55; i++) {
      char c = value.charAt(i);
      if (c != '-' && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "TraceContextPropagator";
  }
}
