package io.spoor.client;

import static java.util.Objects.requireNonNull;

import io.opentracing.Span;
import io.opentracing.tag.Tag;
import io.spoor.client.sampler.SamplingDecision;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A span of {@link SpoorTracer}. Reporters read it through the accessors after {@link #finish()}.
 *
 * <p>Thread-safe: mutators and accessors synchronize on the span. Tags set twice keep the last value.
 * Finishing twice reports once. Setting the tag {@code sampling.priority} to a positive number samples
 * the trace on request (debug flag), to 0 unsamples it, as in Jaeger.
 */
public final class SpoorSpan implements Span {
  private static final String SAMPLING_PRIORITY = "sampling.priority";

  private final SpoorTracer tracer;
  private final long startMicros;
  private final long startNanos;
  private final List<SpanReference> references;
  private final @Nullable SamplingDecision samplerTags;
  private SpoorSpanContext context;
  private String operationName;
  private Object[] tags;
  private int tagCount;
  private @Nullable List<SpanLog> logs;
  private long durationMicros = -1;

  SpoorSpan(SpoorTracer tracer, SpoorSpanContext context, String operationName, long startMicros, long startNanos,
      List<SpanReference> references, @Nullable SamplingDecision samplerTags, Object[] tags, int tagCount) {
    this.tracer = tracer;
    this.context = context;
    this.operationName = operationName;
    this.startMicros = startMicros;
    this.startNanos = startNanos;
    this.references = references;
    this.samplerTags = samplerTags;
    this.tags = tags;
    this.tagCount = tagCount;
  }

  /** The tracer that started this span (reporters read its service name and process tags). */
  public SpoorTracer tracer() {
    return tracer;
  }

  @Override
  public synchronized SpoorSpanContext context() {
    return context;
  }

  /** The operation name. */
  public synchronized String operationName() {
    return operationName;
  }

  /** Start time, epoch microseconds. */
  public long startMicros() {
    return startMicros;
  }

  /** Duration in microseconds, or -1 while the span is not finished. */
  public synchronized long durationMicros() {
    return durationMicros;
  }

  /** The references given at start, plus the implicit child_of the active span; unmodifiable. */
  public List<SpanReference> references() {
    return references;
  }

  /**
   * The tags in the order first set, the sampler's ({@code sampler.type}, {@code sampler.param}) first on a
   * sampled root span; values are String, Boolean or Number. A snapshot, unmodifiable.
   */
  public synchronized Map<String, Object> tags() {
    Map<String, Object> out = new LinkedHashMap<>();
    if (samplerTags != null) {
      out.put(SamplingDecision.SAMPLER_TYPE_TAG, samplerTags.samplerType());
      out.put(SamplingDecision.SAMPLER_PARAM_TAG, samplerTags.samplerParam());
    }
    for (int i = 0; i < tagCount; i++) {
      out.put((String) tags[2 * i], tags[2 * i + 1]);
    }
    return Collections.unmodifiableMap(out);
  }

  /** The logs in the order written; a snapshot, unmodifiable. */
  public synchronized List<SpanLog> logs() {
    return logs == null ? List.of() : List.copyOf(logs);
  }

  @Override
  public Span setTag(String key, String value) {
    return putTag(key, value);
  }

  @Override
  public Span setTag(String key, boolean value) {
    return putTag(key, value);
  }

  @Override
  public Span setTag(String key, Number value) {
    return putTag(key, value);
  }

  @Override
  public <T> Span setTag(Tag<T> tag, T value) {
    requireNonNull(tag, "tag");
    tag.set(this, value);
    return this;
  }

  private synchronized Span putTag(String key, @Nullable Object value) {
    requireNonNull(key, "key");
    if (value == null) {
      return this;
    }
    if (key.equals(SAMPLING_PRIORITY) && value instanceof Number n) {
      context = context.withFlags(n.intValue() > 0
          ? (byte) (context.flags() | SpoorSpanContext.SAMPLED | SpoorSpanContext.DEBUG)
          : (byte) (context.flags() & ~SpoorSpanContext.SAMPLED));
    }
    for (int i = 0; i < tagCount; i++) {
      if (tags[2 * i].equals(key)) {
        tags[2 * i + 1] = value;
        return this;
      }
    }
    if (2 * tagCount == tags.length) {
      tags = Arrays.copyOf(tags, Math.max(8, tags.length * 2));
    }
    tags[2 * tagCount] = key;
    tags[2 * tagCount + 1] = value;
    tagCount++;
    return this;
  }

  @Override
  public Span log(Map<String, ?> fields) {
    return log(tracer.clock().currentTimeMicros(), fields);
  }

  @Override
  public synchronized Span log(long timestampMicros, Map<String, ?> fields) {
    requireNonNull(fields, "fields");
    if (logs == null) {
      logs = new ArrayList<>(2);
    }
    logs.add(new SpanLog(timestampMicros, Collections.unmodifiableMap(new LinkedHashMap<>(fields))));
    return this;
  }

  @Override
  public Span log(String event) {
    return log(tracer.clock().currentTimeMicros(), event);
  }

  @Override
  public Span log(long timestampMicros, String event) {
    return log(timestampMicros, Map.of("event", requireNonNull(event, "event")));
  }

  @Override
  public synchronized Span setBaggageItem(String key, String value) {
    context = context.withBaggageItem(key, value);
    return this;
  }

  @Override
  public synchronized @Nullable String getBaggageItem(String key) {
    return context.baggage().get(key);
  }

  @Override
  public synchronized Span setOperationName(String name) {
    this.operationName = requireNonNull(name, "name");
    return this;
  }

  @Override
  public void finish() {
    long duration;
    if (startNanos != Long.MIN_VALUE) {
      duration = (tracer.clock().nanoTime() - startNanos) / 1000;
    } else {
      duration = tracer.clock().currentTimeMicros() - startMicros;
    }
    end(duration);
  }

  @Override
  public void finish(long finishMicros) {
    end(finishMicros - startMicros);
  }

  private void end(long duration) {
    boolean sampled;
    synchronized (this) {
      if (durationMicros >= 0) {
        return;
      }
      durationMicros = Math.max(0, duration);
      sampled = context.isSampled();
    }
    tracer.finished(this, sampled);
  }

  @Override
  public String toString() {
    return "SpoorSpan(" + context() + " " + operationName() + ")";
  }
}
