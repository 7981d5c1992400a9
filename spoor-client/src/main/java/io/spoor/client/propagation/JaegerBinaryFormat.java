package io.spoor.client.propagation;

import io.opentracing.propagation.BinaryExtract;
import io.opentracing.propagation.BinaryInject;
import io.spoor.client.SpoorSpanContext;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * jaeger-client's layout for OpenTracing's BINARY carrier, big-endian: trace id high (8 bytes), trace id
 * low (8), span id (8), parent id (8), flags (1), baggage count (4), then per item key length (4), key
 * (UTF-8), value length (4), value. Immutable and thread-safe.
 */
public final class JaegerBinaryFormat {
  private static final int MAX_BAGGAGE_ITEMS = 1024;

  /** Writes the context into the carrier's injection buffer. */
  public void inject(SpoorSpanContext context, BinaryInject carrier) {
    List<byte[]> items = new ArrayList<>(context.baggage().size() * 2);
    int size = 8 * 4 + 1 + 4;
    for (Map.Entry<String, String> item : context.baggage().entrySet()) {
      byte[] key = item.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = item.getValue().getBytes(StandardCharsets.UTF_8);
      items.add(key);
      items.add(value);
      size += 8 + key.length + value.length;
    }
    ByteBuffer buffer = carrier.injectionBuffer(size);
    buffer.putLong(context.traceIdHigh()).putLong(context.traceIdLow()).putLong(context.spanId())
        .putLong(context.parentId()).put(context.flags()).putInt(items.size() / 2);
    for (byte[] bytes : items) {
      buffer.putInt(bytes.length).put(bytes);
    }
  }

  /** Reads a context from the carrier's extraction buffer; null when it is empty, short or malformed. */
  public @Nullable SpoorSpanContext extract(BinaryExtract carrier) {
    ByteBuffer buffer = carrier.extractionBuffer();
    if (buffer == null || buffer.remaining() < 8 * 4 + 1 + 4) {
      return null;
    }
    try {
      long high = buffer.getLong();
      long low = buffer.getLong();
      long spanId = buffer.getLong();
      long parentId = buffer.getLong();
      byte flags = buffer.get();
      int count = buffer.getInt();
      if (count < 0 || count > MAX_BAGGAGE_ITEMS || (high == 0 && low == 0) || spanId == 0) {
        return null;
      }
      Map<String, String> baggage = new LinkedHashMap<>();
      for (int i = 0; i < count; i++) {
        String key = string(buffer);
        String value = string(buffer);
        if (key == null || value == null) {
          return null;
        }
        baggage.put(key, value);
      }
      SpoorSpanContext context = SpoorSpanContext.of(high, low, spanId, parentId, flags);
      return baggage.isEmpty() ? context : context.withBaggage(baggage);
    } catch (BufferUnderflowException e) {
      return null;
    }
  }

  private static @Nullable String string(ByteBuffer buffer) {
    int length = buffer.getInt();
    if (length < 0 || length > buffer.remaining()) {
      return null;
    }
    byte[] bytes = new byte[length];
    buffer.get(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
