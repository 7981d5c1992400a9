package io.spoor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One span: a timed operation in one service. Immutable; build with {@link #newBuilder()} and
 * derive variants with {@link #toBuilder()}.
 *
 * <p>Times are epoch nanoseconds, durations nanoseconds. The model does not refuse zero ids or
 * negative durations: it holds what a client sent, so that the collector's sanitizers can repair or
 * reject it with a reason.
 */
public final class Span {
  /** Bit of {@link #flags()} set when the span was sampled. */
  public static final int FLAG_SAMPLED = 1;
  /** Bit of {@link #flags()} set when the span was force-sampled (debug). */
  public static final int FLAG_DEBUG = 2;

  private final TraceId traceId;
  private final SpanId spanId;
  private final String operationName;
  private final List<SpanRef> references;
  private final int flags;
  private final long startTimeNanos;
  private final long durationNanos;
  private final List<KeyValue> tags;
  private final List<Log> logs;
  private final Process process;
  private final List<String> warnings;

  private Span(Builder b) {
    this.traceId = Objects.requireNonNull(b.traceId, "traceId");
    this.spanId = Objects.requireNonNull(b.spanId, "spanId");
    this.operationName = b.operationName;
    this.references = List.copyOf(b.references);
    this.flags = b.flags;
    this.startTimeNanos = b.startTimeNanos;
    this.durationNanos = b.durationNanos;
    this.tags = List.copyOf(b.tags);
    this.logs = List.copyOf(b.logs);
    this.process = Objects.requireNonNull(b.process, "process");
    this.warnings = List.copyOf(b.warnings);
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  public TraceId traceId() {
    return traceId;
  }

  public SpanId spanId() {
    return spanId;
  }

  /** Never null; may be empty. */
  public String operationName() {
    return operationName;
  }

  public List<SpanRef> references() {
    return references;
  }

  public int flags() {
    return flags;
  }

  public long startTimeNanos() {
    return startTimeNanos;
  }

  public long durationNanos() {
    return durationNanos;
  }

  /** Start time in whole microseconds, as Jaeger's JSON and stores keep it. */
  public long startTimeMicros() {
    return Math.floorDiv(startTimeNanos, 1000L);
  }

  /** Duration in whole microseconds. */
  public long durationMicros() {
    return Math.floorDiv(durationNanos, 1000L);
  }

  public List<KeyValue> tags() {
    return tags;
  }

  public List<Log> logs() {
    return logs;
  }

  public Process process() {
    return process;
  }

  /** Problems found while receiving or adjusting this span; shown to users, never hidden. */
  public List<String> warnings() {
    return warnings;
  }

  /** The service that emitted this span: {@code process().serviceName()}. */
  public String serviceName() {
    return process.serviceName();
  }

  /**
   * The parent, as Jaeger derives it: the span of the first {@code CHILD_OF} reference into the same
   * trace, else {@link SpanId#ZERO}.
   */
  public SpanId parentSpanId() {
    for (SpanRef ref : references) {
      if (ref.type() == RefType.CHILD_OF && ref.traceId().equals(traceId)) {
        return ref.spanId();
      }
    }
    return SpanId.ZERO;
  }

  /** The kind from the {@code span.kind} string tag, {@link SpanKind#UNSPECIFIED} if absent. */
  public SpanKind kind() {
    KeyValue tag = findTag(SpanKind.TAG_KEY);
    if (tag == null || tag.type() != ValueType.STRING) {
      return SpanKind.UNSPECIFIED;
    }
    return SpanKind.fromTagValue(tag.stringValue());
  }

  /** The first span tag with this key, or null. */
  public @Nullable KeyValue findTag(String key) {
    for (KeyValue tag : tags) {
      if (tag.key().equals(key)) {
        return tag;
      }
    }
    return null;
  }

  public boolean isSampled() {
    return (flags & FLAG_SAMPLED) != 0;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Span)) {
      return false;
    }
    Span s = (Span) o;
    return flags == s.flags
        && startTimeNanos == s.startTimeNanos
        && durationNanos == s.durationNanos
        && traceId.equals(s.traceId)
        && spanId.equals(s.spanId)
        && operationName.equals(s.operationName)
        && references.equals(s.references)
        && tags.equals(s.tags)
        && logs.equals(s.logs)
        && process.equals(s.process)
        && warnings.equals(s.warnings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        traceId, spanId, operationName, references, flags, startTimeNanos, durationNanos, tags, logs,
        process, warnings);
  }

  @Override
  public String toString() {
    return "Span{traceId=" + traceId + ", spanId=" + spanId + ", service=" + process.serviceName()
        + ", operation=" + operationName + ", start=" + startTimeNanos + "ns, duration="
        + durationNanos + "ns, refs=" + references + ", flags=" + flags + ", tags=" + tags
        + ", logs=" + logs + ", processTags=" + process.tags() + ", warnings=" + warnings + "}";
  }

  /** Builds a {@link Span}; {@code traceId}, {@code spanId} and {@code process} are required. */
  public static final class Builder {
    private @Nullable TraceId traceId;
    private @Nullable SpanId spanId;
    private String operationName = "";
    private final List<SpanRef> references = new ArrayList<>();
    private int flags;
    private long startTimeNanos;
    private long durationNanos;
    private final List<KeyValue> tags = new ArrayList<>();
    private final List<Log> logs = new ArrayList<>();
    private @Nullable Process process;
    private final List<String> warnings = new ArrayList<>();

    Builder() {}

    Builder(Span s) {
      traceId = s.traceId;
      spanId = s.spanId;
      operationName = s.operationName;
      references.addAll(s.references);
      flags = s.flags;
      startTimeNanos = s.startTimeNanos;
      durationNanos = s.durationNanos;
      tags.addAll(s.tags);
      logs.addAll(s.logs);
      process = s.process;
      warnings.addAll(s.warnings);
    }

    public Builder traceId(TraceId traceId) {
      this.traceId = Objects.requireNonNull(traceId, "traceId");
      return this;
    }

    public Builder spanId(SpanId spanId) {
      this.spanId = Objects.requireNonNull(spanId, "spanId");
      return this;
    }

    public Builder operationName(String operationName) {
      this.operationName = Objects.requireNonNull(operationName, "operationName");
      return this;
    }

    public Builder references(List<SpanRef> references) {
      this.references.clear();
      this.references.addAll(references);
      return this;
    }

    public Builder addReference(SpanRef reference) {
      references.add(Objects.requireNonNull(reference, "reference"));
      return this;
    }

    public Builder flags(int flags) {
      this.flags = flags;
      return this;
    }

    public Builder startTimeNanos(long startTimeNanos) {
      this.startTimeNanos = startTimeNanos;
      return this;
    }

    public Builder durationNanos(long durationNanos) {
      this.durationNanos = durationNanos;
      return this;
    }

    /** Sets the start time from whole microseconds. */
    public Builder startTimeMicros(long micros) {
      this.startTimeNanos = Math.multiplyExact(micros, 1000L);
      return this;
    }

    /** Sets the duration from whole microseconds. */
    public Builder durationMicros(long micros) {
      this.durationNanos = Math.multiplyExact(micros, 1000L);
      return this;
    }

    public Builder tags(List<KeyValue> tags) {
      this.tags.clear();
      this.tags.addAll(tags);
      return this;
    }

    public Builder addTag(KeyValue tag) {
      tags.add(Objects.requireNonNull(tag, "tag"));
      return this;
    }

    public Builder logs(List<Log> logs) {
      this.logs.clear();
      this.logs.addAll(logs);
      return this;
    }

    public Builder addLog(Log log) {
      logs.add(Objects.requireNonNull(log, "log"));
      return this;
    }

    public Builder process(Process process) {
      this.process = Objects.requireNonNull(process, "process");
      return this;
    }

    public Builder warnings(List<String> warnings) {
      this.warnings.clear();
      this.warnings.addAll(warnings);
      return this;
    }

    public Builder addWarning(String warning) {
      warnings.add(Objects.requireNonNull(warning, "warning"));
      return this;
    }

    /**
     * @throws NullPointerException when traceId, spanId or process was not set
     */
    public Span build() {
      return new Span(this);
    }
  }
}
