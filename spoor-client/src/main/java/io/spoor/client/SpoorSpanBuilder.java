package io.spoor.client;

import static java.util.Objects.requireNonNull;

import io.opentracing.References;
import io.opentracing.Span;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import io.opentracing.tag.Tag;
import io.spoor.client.sampler.SamplingDecision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Builds one span. Not thread-safe and single-use, as OpenTracing's builders are.
 *
 * <p>Parent choice: the first {@code child_of} reference to a context with a trace, else the first
 * reference with a trace, else (unless {@link #ignoreActiveSpan()} or references were given) the active
 * span. Baggage of every reference is merged in reference order. Without a parent the span starts a
 * trace and the sampler decides, unless a reference carried a {@code jaeger-debug-id}, which forces
 * sampling and becomes a tag.
 */
final class SpoorSpanBuilder implements Tracer.SpanBuilder {
  static final String DEBUG_ID_TAG = "jaeger-debug-id";

  private final SpoorTracer tracer;
  private final String operationName;
  private @Nullable List<SpanReference> references;
  private @Nullable String debugId;
  private Object @Nullable [] tags;
  private int tagCount;
  private long startMicros;
  private boolean ignoreActiveSpan;

  SpoorSpanBuilder(SpoorTracer tracer, String operationName) {
    this.tracer = tracer;
    this.operationName = requireNonNull(operationName, "operationName");
  }

  @Override
  public Tracer.SpanBuilder asChildOf(@Nullable SpanContext parent) {
    return addReference(References.CHILD_OF, parent);
  }

  @Override
  public Tracer.SpanBuilder asChildOf(@Nullable Span parent) {
    return parent == null ? this : addReference(References.CHILD_OF, parent.context());
  }

  @Override
  public Tracer.SpanBuilder addReference(String type, @Nullable SpanContext referenced) {
    if (!(referenced instanceof SpoorSpanContext context)) {
      return this; // null or another tracer's context: nothing to link to
    }
    if (!References.CHILD_OF.equals(type) && !References.FOLLOWS_FROM.equals(type)) {
      return this; // OpenTracing asks tracers to ignore reference types they do not know
    }
    if (references == null) {
      references = new ArrayList<>(2);
    }
    // a context without a trace is kept for its baggage and debug id, and dropped from the span's references
    references.add(new SpanReference(type, context));
    if (!context.hasTraceId() && context.debugId() != null) {
      debugId = context.debugId();
    }
    return this;
  }

  @Override
  public Tracer.SpanBuilder ignoreActiveSpan() {
    ignoreActiveSpan = true;
    return this;
  }

  @Override
  public Tracer.SpanBuilder withTag(String key, String value) {
    return put(key, value);
  }

  @Override
  public Tracer.SpanBuilder withTag(String key, boolean value) {
    return put(key, value);
  }

  @Override
  public Tracer.SpanBuilder withTag(String key, Number value) {
    return put(key, value);
  }

  @Override
  public <T> Tracer.SpanBuilder withTag(Tag<T> tag, T value) {
    requireNonNull(tag, "tag");
    return put(tag.getKey(), value);
  }

  private Tracer.SpanBuilder put(String key, @Nullable Object value) {
    requireNonNull(key, "key");
    if (value == null) {
      return this;
    }
    if (tags == null) {
      tags = new Object[8];
    } else if (2 * tagCount == tags.length) {
      tags = Arrays.copyOf(tags, tags.length * 2);
    }
    tags[2 * tagCount] = key;
    tags[2 * tagCount + 1] = value;
    tagCount++;
    return this;
  }

  @Override
  public Tracer.SpanBuilder withStartTimestamp(long microseconds) {
    this.startMicros = microseconds;
    return this;
  }

  @Override
  public SpoorSpan start() {
    List<SpanReference> refs = references;
    SpoorSpanContext parent = null;
    if (refs == null) {
      refs = List.of();
      if (!ignoreActiveSpan && tracer.scopeManager().activeSpan() instanceof SpoorSpan active) {
        parent = active.context();
        refs = List.of(new SpanReference(References.CHILD_OF, parent));
      }
    } else {
      parent = chooseParent(refs);
      refs = withTraceOnly(refs);
    }
    Clock clock = tracer.clock();
    long micros = startMicros;
    long nanos = Long.MIN_VALUE;
    if (micros == 0) {
      nanos = clock.nanoTime();
      micros = tracer.wallMicros(nanos);
    }
    SpoorSpanContext context;
    SamplingDecision samplerTags = null;
    Object[] spanTags = tags == null ? new Object[8] : tags;
    int spanTagCount = tagCount;
    if (parent != null) {
      context = SpoorSpanContext.of(parent.traceIdHigh(), parent.traceIdLow(), tracer.nextId(), parent.spanId(),
          parent.flags());
      Map<String, String> baggage = mergedBaggage(references, parent);
      if (!baggage.isEmpty()) {
        context = context.withBaggage(baggage);
      }
    } else {
      long high = tracer.traceId128Bit() ? tracer.nextId() : 0;
      long low = tracer.nextId();
      byte flags;
      if (debugId != null) {
        flags = SpoorSpanContext.SAMPLED | SpoorSpanContext.DEBUG;
        spanTags = append(spanTags, spanTagCount++, DEBUG_ID_TAG, debugId);
      } else {
        SamplingDecision decision = tracer.sampler().sample(operationName, high, low);
        flags = decision.sampled() ? SpoorSpanContext.SAMPLED : 0;
        samplerTags = decision.sampled() ? decision : null;
      }
      context = SpoorSpanContext.of(high, low, low, 0, flags);
      Map<String, String> baggage = mergedBaggage(references, null);
      if (!baggage.isEmpty()) {
        context = context.withBaggage(baggage);
      }
    }
    SpoorSpan span = new SpoorSpan(tracer, context, operationName, micros, nanos, refs, samplerTags, spanTags,
        spanTagCount);
    tracer.metrics().spanStarted(context.isSampled());
    return span;
  }

  private static Object[] append(Object[] tags, int count, String key, Object value) {
    Object[] out = 2 * count == tags.length ? Arrays.copyOf(tags, tags.length * 2) : tags;
    out[2 * count] = key;
    out[2 * count + 1] = value;
    return out;
  }

  private static @Nullable SpoorSpanContext chooseParent(List<SpanReference> refs) {
    SpoorSpanContext firstWithTrace = null;
    for (SpanReference ref : refs) {
      if (!ref.context().hasTraceId()) {
        continue;
      }
      if (ref.isChildOf()) {
        return ref.context();
      }
      if (firstWithTrace == null) {
        firstWithTrace = ref.context();
      }
    }
    return firstWithTrace;
  }

  private static List<SpanReference> withTraceOnly(List<SpanReference> refs) {
    List<SpanReference> out = new ArrayList<>(refs.size());
    for (SpanReference ref : refs) {
      if (ref.context().hasTraceId()) {
        out.add(ref);
      }
    }
    return List.copyOf(out);
  }

  private static Map<String, String> mergedBaggage(@Nullable List<SpanReference> refs,
      @Nullable SpoorSpanContext parent) {
    if (refs == null || refs.size() <= 1) {
      if (refs != null && refs.size() == 1) {
        return refs.get(0).context().baggage();
      }
      return parent == null ? Map.of() : parent.baggage();
    }
    Map<String, String> merged = new LinkedHashMap<>();
    for (SpanReference ref : refs) {
      merged.putAll(ref.context().baggage());
    }
    return merged;
  }
}
