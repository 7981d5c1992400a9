package io.spoor.collector.receiver;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import io.spoor.collector.pipeline.OverCapacityException;
import io.spoor.collector.pipeline.SpanBatch;
import io.spoor.collector.pipeline.SpanProcessor;
import io.spoor.model.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP endpoint that takes span batches in one or more content types. Bodies are aggregated
 * (bounded by the server's request length limit, which answers 413), decoded, and handed to the
 * processor; gzip request bodies are expected to be inflated by a decorator in front of it.
 */
public final class HttpSpanReceiver implements HttpService {
  /** Seconds a client is asked to wait after a 429. */
  static final String RETRY_AFTER_SECONDS = "1";

  private static final Supplier<HttpResponse> ACCEPTED = () -> HttpResponse.of(HttpStatus.ACCEPTED);

  private final SpanProcessor processor;
  private final String format;
  private final Map<String, Registration> byMediaType;

  private HttpSpanReceiver(Builder b) {
    this.processor = b.processor;
    this.format = b.format;
    this.byMediaType = Map.copyOf(b.byMediaType);
  }

  /**
   * @param format the format name for metrics ({@code jaeger}, {@code otlp}, {@code zipkin})
   */
  public static Builder builder(SpanProcessor processor, String format) {
    return new Builder(processor, format);
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
    if (req.method() != HttpMethod.POST) {
      return text(HttpStatus.METHOD_NOT_ALLOWED, "method " + req.method() + " (expected: POST)");
    }
    MediaType contentType = req.contentType();
    Registration registration = contentType == null ? null : byMediaType.get(key(contentType));
    if (registration == null) {
      return text(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type: "
          + (contentType == null ? "none" : contentType.toString())
          + " (expected: " + String.join(", ", byMediaType.keySet()) + ")");
    }
    return HttpResponse.of(req.aggregate().thenApply(agg -> handle(agg, registration)));
  }

  private HttpResponse handle(AggregatedHttpRequest agg, Registration registration) {
    if (!processor.hasCapacity()) {
      // Shed before decoding: under overload, decoding spans only to refuse them wastes the CPU
      // that the workers need to drain the queue.
      processor.refusedBeforeDecoding(format, "http");
      return tooManyRequests("collector queue is full; retry later");
    }
    SpanBodyDecoder.Decoded decoded;
    try {
      decoded = registration.decoder.decode(agg.content().array());
    } catch (IllegalArgumentException e) {
      return text(HttpStatus.BAD_REQUEST, "Unable to process request body: " + e.getMessage());
    }
    CompletableFuture<Void> stored;
    try {
      stored = processor.process(SpanBatch.of(decoded.spans(), format, "http"));
    } catch (OverCapacityException e) {
      return tooManyRequests(e.getMessage());
    } catch (IllegalArgumentException e) {
      return text(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    // Answer once the spans are stored, so that an acknowledged span survives a crash.
    return HttpResponse.of(stored.handle((ok, error) -> error == null
        ? decoded.onAccepted().get()
        : notStored(error)));
  }

  /** The storage failed (or the collector stopped) before the spans were stored: the client retries. */
  private static HttpResponse notStored(Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    if (cause instanceof OverCapacityException) {
      return tooManyRequests(cause.getMessage());
    }
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.SERVICE_UNAVAILABLE)
            .add(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .contentType(MediaType.PLAIN_TEXT_UTF_8)
            .build(),
        com.linecorp.armeria.common.HttpData.ofUtf8("Cannot store spans: " + cause.getMessage() + "\n"));
  }

  private static HttpResponse tooManyRequests(@Nullable String message) {
    return HttpResponse.of(
        ResponseHeaders.builder(HttpStatus.TOO_MANY_REQUESTS)
            .add(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS)
            .contentType(MediaType.PLAIN_TEXT_UTF_8)
            .build(),
        com.linecorp.armeria.common.HttpData.ofUtf8(message + "\n"));
  }

  static HttpResponse text(HttpStatus status, @Nullable String message) {
    return HttpResponse.of(status, MediaType.PLAIN_TEXT_UTF_8, (message == null ? status.reasonPhrase() : message) + "\n");
  }

  private static String key(MediaType type) {
    return (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
  }

  private static final class Registration {
    final SpanBodyDecoder decoder;

    Registration(SpanBodyDecoder decoder) {
      this.decoder = decoder;
    }
  }

  /** Builds an {@link HttpSpanReceiver}; at least one content type is required. */
  public static final class Builder {
    private final SpanProcessor processor;
    private final String format;
    private final Map<String, Registration> byMediaType = new LinkedHashMap<>();

    Builder(SpanProcessor processor, String format) {
      this.processor = Objects.requireNonNull(processor, "processor");
      this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Accepts bodies of this media type (parameters such as {@code charset} are ignored); the decoder
     * also says what to answer once the batch is accepted.
     */
    public Builder accept(String mediaType, SpanBodyDecoder decoder) {
      byMediaType.put(key(MediaType.parse(mediaType)),
          new Registration(Objects.requireNonNull(decoder, "decoder")));
      return this;
    }

    /** Accepts bodies of this media type and answers {@code 202 Accepted}, as Jaeger and Zipkin do. */
    public Builder acceptWith202(String mediaType, Function<byte[], List<Span>> decoder) {
      Objects.requireNonNull(decoder, "decoder");
      return accept(mediaType, body -> new SpanBodyDecoder.Decoded(decoder.apply(body), ACCEPTED));
    }

    public HttpSpanReceiver build() {
      if (byMediaType.isEmpty()) {
        throw new IllegalStateException("no content type registered");
      }
      return new HttpSpanReceiver(this);
    }
  }
}
