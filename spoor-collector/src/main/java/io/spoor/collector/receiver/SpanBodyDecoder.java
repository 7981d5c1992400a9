package io.spoor.collector.receiver;

import com.linecorp.armeria.common.HttpResponse;
import io.spoor.model.Span;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Decodes one request body into spans and says what to answer once they are accepted. */
@FunctionalInterface
public interface SpanBodyDecoder {
  /** @throws IllegalArgumentException (usually a {@code DecodeException}) saying what was wrong */
  Decoded decode(byte[] body);

  /**
   * Decoded spans and the answer to send when the pipeline takes them (OTLP reports partial success
   * in its answer; Jaeger and Zipkin answer 202).
   */
  record Decoded(List<Span> spans, Supplier<HttpResponse> onAccepted) {
    public Decoded {
      Objects.requireNonNull(spans, "spans");
      Objects.requireNonNull(onAccepted, "onAccepted");
    }
  }
}
