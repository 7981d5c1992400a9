package io.spoor.client;

import static java.util.Objects.requireNonNull;

import io.opentracing.Scope;
import io.opentracing.ScopeManager;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.propagation.BinaryExtract;
import io.opentracing.propagation.BinaryInject;
import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapExtract;
import io.opentracing.propagation.TextMapInject;
import io.spoor.client.propagation.JaegerBinaryFormat;
import io.spoor.client.propagation.Propagator;
import io.spoor.client.reporter.Reporter;
import io.spoor.client.sampler.Sampler;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * An OpenTracing {@link Tracer} that samples, propagates and reports as Jaeger's clients do.
 *
 * <p>Create one per service with {@link #fromEnv()} (Jaeger's {@code JAEGER_*} variables) or {@link
 * #builder(String)}, share it, and {@link #close()} it at shutdown to flush what is queued. Thread-safe.
 *
 * <p>Inject and extract support {@code TEXT_MAP}, {@code HTTP_HEADERS} (and their {@code _INJECT}/{@code
 * _EXTRACT} variants) with the configured formats, and {@code BINARY} with jaeger-client's layout. Extract
 * returns null when the carrier holds no valid context; a malformed header never throws.
 */
public final class SpoorTracer implements Tracer {
  private final String serviceName;
  private final Map<String, Object> processTags;
  private final Sampler sampler;
  private final Reporter reporter;
  private final ScopeManager scopeManager;
  private final Clock clock;
  private final RandomGenerator random;
  private final ClientMetrics metrics;
  private final boolean traceId128Bit;
  private final Propagator textMap;
  private final Propagator httpHeaders;
  private final JaegerBinaryFormat binary = new JaegerBinaryFormat();
  private volatile boolean closed;
  private volatile TimeAnchor anchor;

  /** A wall-clock reading paired with the monotonic reading taken right after it. */
  private record TimeAnchor(long micros, long nanos) {}

  /** How long an anchor is trusted before the wall clock is read again (NTP may step it meanwhile). */
  private static final long ANCHOR_NANOS = 1_000_000_000L;

  SpoorTracer(SpoorTracerBuilder b, Sampler sampler, Reporter reporter, Propagator textMap, Propagator httpHeaders) {
    this.serviceName = b.serviceName;
    this.processTags = Map.copyOf(b.processTags);
    this.sampler = sampler;
    this.reporter = reporter;
    this.scopeManager = b.scopeManager;
    this.clock = b.clock;
    this.random = b.random;
    this.metrics = b.metrics;
    this.traceId128Bit = b.traceId128Bit;
    this.textMap = textMap;
    this.httpHeaders = httpHeaders;
    this.anchor = new TimeAnchor(clock.currentTimeMicros(), clock.nanoTime());
  }

  /**
   * Wall-clock microseconds at the monotonic reading {@code nanos}, from an anchor refreshed every second:
   * one clock read per span start instead of two, and start + duration stay consistent within a span.
   */
  long wallMicros(long nanos) {
    TimeAnchor a = anchor;
    if (nanos - a.nanos() > ANCHOR_NANOS) {
      a = new TimeAnchor(clock.currentTimeMicros(), clock.nanoTime());
      anchor = a;
    }
    return a.micros() + (nanos - a.nanos()) / 1000;
  }

  /**
   * A tracer configured from the process environment with Jaeger's variable names, its reporter and remote
   * sampler already started. The variables are listed in this module's README.
   *
   * @throws IllegalArgumentException when a variable is missing or invalid; the message names it
   */
  public static SpoorTracer fromEnv() {
    return fromEnv(System.getenv());
  }

  /** As {@link #fromEnv()}, reading {@code env} instead of the process environment (for tests). */
  public static SpoorTracer fromEnv(Map<String, String> env) {
    return EnvConfiguration.builder(env).build();
  }

  /** A builder for a tracer of the named service. */
  public static SpoorTracerBuilder builder(String serviceName) {
    return new SpoorTracerBuilder(serviceName);
  }

  /** The service name reported as the process of every span. */
  public String serviceName() {
    return serviceName;
  }

  /** The process tags reported with every batch (e.g. {@code hostname}, {@code ip}, {@code JAEGER_TAGS}). */
  public Map<String, Object> processTags() {
    return processTags;
  }

  /** The sampler deciding for new traces. */
  public Sampler sampler() {
    return sampler;
  }

  /** The reporter receiving sampled spans. */
  public Reporter reporter() {
    return reporter;
  }

  Clock clock() {
    return clock;
  }

  ClientMetrics metrics() {
    return metrics;
  }

  boolean traceId128Bit() {
    return traceId128Bit;
  }

  long nextId() {
    long id;
    do {
      id = random.nextLong();
    } while (id == 0);
    return id;
  }

  void finished(SpoorSpan span, boolean sampled) {
    metrics.spanFinished(sampled);
    if (sampled) {
      reporter.report(span);
    }
  }

  @Override
  public ScopeManager scopeManager() {
    return scopeManager;
  }

  @Override
  public @Nullable Span activeSpan() {
    return scopeManager.activeSpan();
  }

  @Override
  public Scope activateSpan(Span span) {
    return scopeManager.activate(span);
  }

  @Override
  public SpanBuilder buildSpan(String operationName) {
    return new SpoorSpanBuilder(this, operationName);
  }

  @Override
  public <C> void inject(SpanContext spanContext, Format<C> format, C carrier) {
    requireNonNull(format, "format");
    requireNonNull(carrier, "carrier");
    if (!(spanContext instanceof SpoorSpanContext context)) {
      throw new IllegalArgumentException("span context: " + (spanContext == null ? "null" : spanContext.getClass())
          + " (expected: a context of this tracer)");
    }
    if (format == Format.Builtin.TEXT_MAP || format == Format.Builtin.TEXT_MAP_INJECT) {
      textMap.inject(context, (TextMapInject) carrier);
    } else if (format == Format.Builtin.HTTP_HEADERS) {
      httpHeaders.inject(context, (TextMapInject) carrier);
    } else if (format == Format.Builtin.BINARY || format == Format.Builtin.BINARY_INJECT) {
      binary.inject(context, (BinaryInject) carrier);
    } else {
      throw new IllegalArgumentException("format: " + format + " (expected: TEXT_MAP, HTTP_HEADERS or BINARY)");
    }
  }

  @Override
  public <C> @Nullable SpanContext extract(Format<C> format, C carrier) {
    requireNonNull(format, "format");
    requireNonNull(carrier, "carrier");
    if (format == Format.Builtin.TEXT_MAP || format == Format.Builtin.TEXT_MAP_EXTRACT) {
      return textMap.extract((TextMapExtract) carrier);
    }
    if (format == Format.Builtin.HTTP_HEADERS) {
      return httpHeaders.extract((TextMapExtract) carrier);
    }
    if (format == Format.Builtin.BINARY || format == Format.Builtin.BINARY_EXTRACT) {
      return binary.extract((BinaryExtract) carrier);
    }
    throw new IllegalArgumentException("format: " + format + " (expected: TEXT_MAP, HTTP_HEADERS or BINARY)");
  }

  /** Flushes and closes the reporter, stops the sampler; idempotent. Spans finished afterwards are dropped. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    reporter.close();
    sampler.close();
  }

  @Override
  public String toString() {
    return "SpoorTracer(" + serviceName + ", " + sampler + ", " + reporter + ")";
  }
}
