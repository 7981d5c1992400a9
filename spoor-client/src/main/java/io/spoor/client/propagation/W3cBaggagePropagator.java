package io.spoor.client.propagation;

import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import io.spoor.client.SpoorSpanContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * W3C Baggage: {@code baggage: k1=v1,k2=v2;property}, values percent-encoded as UTF-8. Properties are
 * ignored on extract. It carries no span, so extract yields a context without a trace; combine it with a
 * trace format ({@link CompositePropagator}).
 */
public final class W3cBaggagePropagator implements Propagator {
  static final String BAGGAGE = "baggage";

  @Override
  public void inject(SpoorSpanContext context, TextMapInject carrier) {
    if (context.baggage().isEmpty()) {
      return;
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> item : context.baggage().entrySet()) {
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(item.getKey()).append('=');
      encode(item.getValue(), out);
    }
    carrier.put(BAGGAGE, out.toString());
  }

  @Override
  public @Nullable SpoorSpanContext extract(TextMapExtract carrier) {
    Map<String, String> baggage = null;
    for (Map.Entry<String, String> entry : carrier) {
      if (!entry.getKey().toLowerCase(Locale.ROOT).equals(BAGGAGE)) {
        continue;
      }
      for (String member : entry.getValue().split(",")) {
        int semi = member.indexOf(';');
        String pair = semi < 0 ? member : member.substring(0, semi);
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String key = pair.substring(0, eq).trim();
        String value = decode(pair.substring(eq + 1).trim());
        if (key.isEmpty() || value == null) {
          continue;
        }
        if (baggage == null) {
          baggage = new LinkedHashMap<>();
        }
        baggage.put(key, value);
      }
    }
    return baggage == null ? null : SpoorSpanContext.withoutTrace(baggage, null);
  }

  private static void encode(String value, StringBuilder out) {
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean plain = c > 0x20 && c < 0x7F && c != '"' && c != ',' && c != ';' && c != '\\' && c != '%';
      if (plain) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
  }

  private static @Nullable String decode(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '%') {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        continue;
      }
      if (i + 2 >= value.length()) {
        return null;
      }
      int hi = Character.digit(value.charAt(i + 1), 16);
      int lo = Character.digit(value.charAt(i + 2), 16);
      if (hi < 0 || lo < 0) {
        return null;
      }
      bytes.write(hi << 4 | lo);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "W3cBaggagePropagator";
  }
}
