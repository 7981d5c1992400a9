package io.spoor.client;

import static java.util.Objects.requireNonNull;

import io.opentracing.SpanContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The immutable identity of a span as Jaeger defines it: a 64- or 128-bit trace id, a span id, the
 * parent's span id (0 for a root), flags ({@link #SAMPLED}, {@link #DEBUG}) and baggage.
 *
 * <p>A context extracted from a carrier that held only baggage or a {@code jaeger-debug-id} has no
 * trace id ({@link #hasTraceId()} is false): a span started as its child becomes a new root that keeps
 * the baggage and, with a debug id, is sampled.
 */
public final class SpoorSpanContext implements SpanContext {
  /** Flag bit: the trace is sampled. */
  public static final byte SAMPLED = 1;
  /** Flag bit: the trace is sampled because someone asked for it (debug). */
  public static final byte DEBUG = 2;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final long traceIdHigh;
  private final long traceIdLow;
  private final long spanId;
  private final long parentId;
  private final byte flags;
  private final Map<String, String> baggage;
  private final @Nullable String debugId;
  private final @Nullable String traceState;

  private SpoorSpanContext(long traceIdHigh, long traceIdLow, long spanId, long parentId, byte flags,
      Map<String, String> baggage, @Nullable String debugId, @Nullable String traceState) {
    this.traceIdHigh = traceIdHigh;
    this.traceIdLow = traceIdLow;
    this.spanId = spanId;
    this.parentId = parentId;
    this.flags = flags;
    this.baggage = baggage;
    this.debugId = debugId;
    this.traceState = traceState;
  }

  /**
   * A context with ids and flags and no baggage.
   *
   * @throws IllegalArgumentException when the trace id or the span id is zero
   */
  public static SpoorSpanContext of(long traceIdHigh, long traceIdLow, long spanId, long parentId, byte flags) {
    if (traceIdHigh == 0 && traceIdLow == 0) {
      throw new IllegalArgumentException("trace id: 0 (expected: non-zero)");
    }
    if (spanId == 0) {
      throw new IllegalArgumentException("span id: 0 (expected: non-zero)");
    }
    return new SpoorSpanContext(traceIdHigh, traceIdLow, spanId, parentId, flags, Map.of(), null, null);
  }

  /** A context without a trace that only carries baggage and, when not null, a debug id. */
  public static SpoorSpanContext withoutTrace(Map<String, String> baggage, @Nullable String debugId) {
    return new SpoorSpanContext(0, 0, 0, 0, (byte) 0, copy(baggage), debugId, null);
  }

  private static Map<String, String> copy(Map<String, String> baggage) {
    return baggage.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(baggage));
  }

  /** This context with its baggage replaced. */
  public SpoorSpanContext withBaggage(Map<String, String> newBaggage) {
    return new SpoorSpanContext(traceIdHigh, traceIdLow, spanId, parentId, flags, copy(newBaggage), debugId,
        traceState);
  }

  /** This context with one baggage item set (a null value removes it). */
  public SpoorSpanContext withBaggageItem(String key, @Nullable String value) {
    requireNonNull(key, "key");
    Map<String, String> next = new LinkedHashMap<>(baggage);
    if (value == null) {
      next.remove(key);
    } else {
      next.put(key, value);
    }
    return new SpoorSpanContext(traceIdHigh, traceIdLow, spanId, parentId, flags,
        Collections.unmodifiableMap(next), debugId, traceState);
  }

  /** This context with other flags. */
  public SpoorSpanContext withFlags(byte newFlags) {
    return new SpoorSpanContext(traceIdHigh, traceIdLow, spanId, parentId, newFlags, baggage, debugId, traceState);
  }

  /** This context with the W3C {@code tracestate} header value it was extracted with, passed on by inject. */
  public SpoorSpanContext withTraceState(@Nullable String newTraceState) {
    return new SpoorSpanContext(traceIdHigh, traceIdLow, spanId, parentId, flags, baggage, debugId, newTraceState);
  }

  /** This context with a {@code jaeger-debug-id}. */
  public SpoorSpanContext withDebugId(@Nullable String newDebugId) {
    return new SpoorSpanContext(traceIdHigh, traceIdLow, spanId, parentId, flags, baggage, newDebugId, traceState);
  }

  /** The high 64 bits of the trace id; 0 for a 64-bit id. */
  public long traceIdHigh() {
    return traceIdHigh;
  }

  /** The low 64 bits of the trace id. */
  public long traceIdLow() {
    return traceIdLow;
  }

  /** The span id; 0 only when {@link #hasTraceId()} is false. */
  public long spanId() {
    return spanId;
  }

  /** The parent's span id; 0 for a root span. */
  public long parentId() {
    return parentId;
  }

  /** The flags byte ({@link #SAMPLED}, {@link #DEBUG}). */
  public byte flags() {
    return flags;
  }

  /** Whether the trace is sampled. */
  public boolean isSampled() {
    return (flags & SAMPLED) != 0;
  }

  /** Whether the trace is sampled on request (debug). */
  public boolean isDebug() {
    return (flags & DEBUG) != 0;
  }

  /** Whether this context identifies a span (false for baggage- or debug-id-only contexts). */
  public boolean hasTraceId() {
    return traceIdHigh != 0 || traceIdLow != 0;
  }

  /** The baggage, unmodifiable, in insertion order. */
  public Map<String, String> baggage() {
    return baggage;
  }

  /** The {@code jaeger-debug-id} this context was extracted with, or null. */
  public @Nullable String debugId() {
    return debugId;
  }

  /** The W3C {@code tracestate} this context was extracted with, or null. */
  public @Nullable String traceState() {
    return traceState;
  }

  /** The trace id in lowercase hex: 16 characters for a 64-bit id, else 32. */
  @Override
  public String toTraceId() {
    return traceIdHigh == 0 ? hex(traceIdLow) : hex(traceIdHigh) + hex(traceIdLow);
  }

  /** The trace id in lowercase hex, always 32 characters. */
  public String traceIdHex32() {
    return hex(traceIdHigh) + hex(traceIdLow);
  }

  /** The span id in lowercase hex, 16 characters. */
  @Override
  public String toSpanId() {
    return hex(spanId);
  }

  @Override
  public Iterable<Map.Entry<String, String>> baggageItems() {
    return baggage.entrySet();
  }

  /** {@code value} as 16 lowercase hex characters. */
  public static String hex(long value) {
    char[] out = new char[16];
    for (int i = 15; i >= 0; i--) {
      out[i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return toTraceId() + ":" + hex(spanId) + ":" + hex(parentId) + ":" + flags;
  }
}
