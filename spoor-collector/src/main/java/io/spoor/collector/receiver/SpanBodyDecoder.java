package io.spoor.collector.receiver;

import io.spoor.model.Span;
import java.util.List;

/** Decodes one request body into spans. Pure and thread-safe. */
@FunctionalInterface
public interface SpanBodyDecoder {
  /** @throws IllegalArgumentException (usually a {@code DecodeException}) saying what was wrong */
  List<Span> decode(byte[] body);
}
