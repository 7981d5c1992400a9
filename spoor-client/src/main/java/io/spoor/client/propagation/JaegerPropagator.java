package io.spoor.client.propagation;

import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import io.spoor.client.SpoorSpanContext;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Jaeger's format: {@code uber-trace-id: <trace-id>:<span-id>:<parent-id>:<flags>} (hex), baggage as
 * {@code uberctx-<key>: <value>}, plus on extract {@code jaeger-debug-id} (forces sampling) and {@code
 * jaeger-baggage: k1=v1, k2=v2}. The HTTP header variant URL-encodes values (as jaeger-client does for
 * {@code HTTP_HEADERS}); the text map variant writes them as they are.
 */
public final class JaegerPropagator implements Propagator {
  static final String TRACE_ID = "uber-trace-id";
  static final String BAGGAGE_PREFIX = "uberctx-";
  static final String DEBUG_ID = "jaeger-debug-id";
  static final String BAGGAGE = "jaeger-baggage";

  private final boolean urlEncoding;

  private JaegerPropagator(boolean urlEncoding) {
    this.urlEncoding = urlEncoding;
  }

  /** For {@code TEXT_MAP}: values are not encoded. */
  public static JaegerPropagator textMap() {
    return new JaegerPropagator(false);
  }

  /** For {@code HTTP_HEADERS}: values are URL-encoded. */
  public static JaegerPropagator httpHeaders() {
    return new JaegerPropagator(true);
  }

  @Override
  public void inject(SpoorSpanContext context, TextMapInject carrier) {
    carrier.put(TRACE_ID, encode(context.toTraceId() + ":" + context.toSpanId() + ":"
        + Long.toHexString(context.parentId()) + ":" + Integer.toHexString(context.flags() & 0xFF)));
    for (Map.Entry<String, String> item : context.baggage().entrySet()) {
      carrier.put(BAGGAGE_PREFIX + item.getKey(), encode(item.getValue()));
    }
  }

  private String encode(String value) {
    return urlEncoding ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value;
  }

  private String decode(String value) {
    return urlEncoding ? URLDecoder.decode(value, StandardCharsets.UTF_8) : value;
  }

  @Override
  public @Nullable SpoorSpanContext extract(TextMapExtract carrier) {
    SpoorSpanContext context = null;
    Map<String, String> baggage = null;
    String debugId = null;
    try {
      for (Map.Entry<String, String> entry : carrier) {
        String key = entry.getKey().toLowerCase(Locale.ROOT);
        if (key.equals(TRACE_ID)) {
          context = parse(decode(entry.getValue()));
          if (context == null) {
            return null;
          }
        } else if (key.startsWith(BAGGAGE_PREFIX)) {
          baggage = put(baggage, key.substring(BAGGAGE_PREFIX.length()), decode(entry.getValue()));
        } else if (key.equals(DEBUG_ID)) {
          debugId = decode(entry.getValue());
        } else if (key.equals(BAGGAGE)) {
          for (String pair : decode(entry.getValue()).split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
              baggage = put(baggage, pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
          }
        }
      }
    } catch (IllegalArgumentException e) {
      return null; // a malformed URL encoding
    }
    if (context == null) {
      return baggage == null && debugId == null ? null
          : SpoorSpanContext.withoutTrace(baggage == null ? Map.of() : baggage, debugId);
    }
    if (baggage != null) {
      context = context.withBaggage(baggage);
    }
    return debugId == null ? context : context.withDebugId(debugId);
  }

  private static Map<String, String> put(@Nullable Map<String, String> map, String key, String value) {
    Map<String, String> m = map == null ? new LinkedHashMap<>() : map;
    m.put(key, value);
    return m;
  }

  private static @Nullable SpoorSpanContext parse(String value) {
    String[] parts = value.split(":", -1);
    if (parts.length != 4) {
      return null;
    }
    try {
      long high = Hex.high(parts[0]);
      long low = Hex.low(parts[0]);
      long spanId = Hex.parse(parts[1], 0, parts[1].length());
      long parentId = Hex.parse(parts[2], 0, parts[2].length());
      int flags = Integer.parseInt(parts[3], 16);
      if ((high == 0 && low == 0) || spanId == 0 || flags < 0 || flags > 0xFF) {
        return null;
      }
      return SpoorSpanContext.of(high, low, spanId, parentId, (byte) flags);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return urlEncoding ? "JaegerPropagator(http headers)" : "JaegerPropagator(text map)";
  }
}
