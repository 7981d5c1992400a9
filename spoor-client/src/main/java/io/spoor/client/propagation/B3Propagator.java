package io.spoor.client.propagation;

import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import io.spoor.client.SpoorSpanContext;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Zipkin's B3 format, in either header style. Multi: {@code X-B3-TraceId}, {@code X-B3-SpanId}, {@code
 * X-B3-ParentSpanId}, {@code X-B3-Sampled} (1 or 0) and {@code X-B3-Flags: 1} for debug. Single: {@code b3:
 * <trace-id>-<span-id>[-<1|0|d>[-<parent-id>]]}. Both variants extract both styles, the single header
 * first; they differ in what they inject. B3 carries no baggage.
 */
public final class B3Propagator implements Propagator {
  static final String TRACE_ID = "x-b3-traceid";
  static final String SPAN_ID = "x-b3-spanid";
  static final String PARENT_ID = "x-b3-parentspanid";
  static final String SAMPLED = "x-b3-sampled";
  static final String FLAGS = "x-b3-flags";
  static final String SINGLE = "b3";

  private final boolean singleHeader;

  private B3Propagator(boolean singleHeader) {
    this.singleHeader = singleHeader;
  }

  /** Injects the multi-header style. */
  public static B3Propagator multiHeader() {
    return new B3Propagator(false);
  }

  /** Injects the single {@code b3} header. */
  public static B3Propagator singleHeader() {
    return new B3Propagator(true);
  }

  @Override
  public void inject(SpoorSpanContext context, TextMapInject carrier) {
    if (singleHeader) {
      String state = context.isDebug() ? "d" : context.isSampled() ? "1" : "0";
      carrier.put(SINGLE, context.toTraceId() + "-" + context.toSpanId() + "-" + state
          + (context.parentId() != 0 ? "-" + SpoorSpanContext.hex(context.parentId()) : ""));
      return;
    }
    carrier.put("X-B3-TraceId", context.toTraceId());
    carrier.put("X-B3-SpanId", context.toSpanId());
    if (context.parentId() != 0) {
      carrier.put("X-B3-ParentSpanId", SpoorSpanContext.hex(context.parentId()));
    }
    if (context.isDebug()) {
      carrier.put("X-B3-Flags", "1");
    } else {
      carrier.put("X-B3-Sampled", context.isSampled() ? "1" : "0");
    }
  }

  @Override
  public @Nullable SpoorSpanContext extract(TextMapExtract carrier) {
    String traceId = null;
    String spanId = null;
    String parentId = null;
    String sampled = null;
    String flags = null;
    String single = null;
    for (Map.Entry<String, String> entry : carrier) {
      switch (entry.getKey().toLowerCase(Locale.ROOT)) {
        case TRACE_ID -> traceId = entry.getValue();
        case SPAN_ID -> spanId = entry.getValue();
        case PARENT_ID -> parentId = entry.getValue();
        case SAMPLED -> sampled = entry.getValue();
        case FLAGS -> flags = entry.getValue();
        case SINGLE -> single = entry.getValue();
        default -> { }
      }
    }
    if (single != null) {
      SpoorSpanContext context = parseSingle(single.trim());
      if (context != null) {
        return context;
      }
    }
    if (traceId == null || spanId == null) {
      return null;
    }
    byte flagBits;
    if ("1".equals(flags)) {
      flagBits = SpoorSpanContext.SAMPLED | SpoorSpanContext.DEBUG;
    } else {
      flagBits = "1".equals(sampled) || "true".equalsIgnoreCase(sampled == null ? "" : sampled)
          ? SpoorSpanContext.SAMPLED : 0;
    }
    return context(traceId.trim(), spanId.trim(), parentId == null ? null : parentId.trim(), flagBits);
  }

  private static @Nullable SpoorSpanContext parseSingle(String value) {
    String[] parts = value.split("-", -1);
    if (parts.length < 2 || parts.length > 4) {
      return null; // includes the sampling-only form ("0", "1", "d"), which names no span
    }
    byte flags = 0;
    if (parts.length >= 3) {
      switch (parts[2]) {
        case "1" -> flags = SpoorSpanContext.SAMPLED;
        case "d" -> flags = SpoorSpanContext.SAMPLED | SpoorSpanContext.DEBUG;
        case "0" -> flags = 0;
        default -> {
          return null;
        }
      }
    }
    return context(parts[0], parts[1], parts.length == 4 ? parts[3] : null, flags);
  }

  private static @Nullable SpoorSpanContext context(String traceId, String spanId, @Nullable String parentId,
      byte flags) {
    if ((traceId.length() != 16 && traceId.length() != 32) || spanId.length() != 16) {
      return null;
    }
    try {
      long high = Hex.high(traceId);
      long low = Hex.low(traceId);
      long span = Hex.parse(spanId, 0, spanId.length());
      long parent = parentId == null || parentId.isEmpty() ? 0 : Hex.parse(parentId, 0, parentId.length());
      if ((high == 0 && low == 0) || span == 0) {
        return null;
      }
      return SpoorSpanContext.of(high, low, span, parent, flags);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return singleHeader ? "B3Propagator(single)" : "B3Propagator(multi)";
  }
}
