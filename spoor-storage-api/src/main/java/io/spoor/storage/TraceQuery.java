package io.spoor.storage;

import io.spoor.model.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Search criteria. A trace matches when <em>one</em> of its spans satisfies every criterion together
 * ({@link #matches(Span)}); the whole trace is returned. Immutable; {@link #newBuilder()} validates.
 */
public final class TraceQuery {
  /** Jaeger's default number of traces. */
  public static final int DEFAULT_LIMIT = 100;

  private final @Nullable String serviceName;
  private final @Nullable String operationName;
  private final List<TagFilter> tags;
  private final long startTimeMinNanos;
  private final long startTimeMaxNanos;
  private final long durationMinNanos;
  private final long durationMaxNanos;
  private final int limit;

  private TraceQuery(Builder b) {
    this.serviceName = emptyToNull(b.serviceName);
    this.operationName = emptyToNull(b.operationName);
    this.tags = List.copyOf(b.tags);
    this.startTimeMinNanos = b.startTimeMinNanos;
    this.startTimeMaxNanos = b.startTimeMaxNanos;
    this.durationMinNanos = b.durationMinNanos;
    this.durationMaxNanos = b.durationMaxNanos;
    this.limit = b.limit;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.serviceName = serviceName;
    b.operationName = operationName;
    b.tags.addAll(tags);
    b.startTimeMinNanos = startTimeMinNanos;
    b.startTimeMaxNanos = startTimeMaxNanos;
    b.durationMinNanos = durationMinNanos;
    b.durationMaxNanos = durationMaxNanos;
    b.limit = limit;
    return b;
  }

  /** The service a matching span must belong to; null for any service. */
  public @Nullable String serviceName() {
    return serviceName;
  }

  /** The operation a matching span must have; null for any operation. */
  public @Nullable String operationName() {
    return operationName;
  }

  /** Criteria that must all hold (AND). */
  public List<TagFilter> tags() {
    return tags;
  }

  /** Earliest start of a matching span, epoch ns; {@link Long#MIN_VALUE} when unbounded. */
  public long startTimeMinNanos() {
    return startTimeMinNanos;
  }

  /** Latest start of a matching span, epoch ns; {@link Long#MAX_VALUE} when unbounded. */
  public long startTimeMaxNanos() {
    return startTimeMaxNanos;
  }

  /** Least duration of a matching span (inclusive), ns; 0 when unbounded. */
  public long durationMinNanos() {
    return durationMinNanos;
  }

  /** Greatest duration of a matching span (inclusive), ns; {@link Long#MAX_VALUE} when unbounded. */
  public long durationMaxNanos() {
    return durationMaxNanos;
  }

  public boolean hasDurationBounds() {
    return durationMinNanos > 0 || durationMaxNanos != Long.MAX_VALUE;
  }

  /** The greatest number of traces to return. */
  public int limit() {
    return limit;
  }

  /** Whether this span satisfies every criterion. */
  public boolean matches(Span span) {
    if (serviceName != null && !serviceName.equals(span.serviceName())) {
      return false;
    }
    if (operationName != null && !operationName.equals(span.operationName())) {
      return false;
    }
    long start = span.startTimeNanos();
    if (start < startTimeMinNanos || start > startTimeMaxNanos) {
      return false;
    }
    long duration = span.durationNanos();
    if (duration < durationMinNanos || duration > durationMaxNanos) {
      return false;
    }
    for (TagFilter tag : tags) {
      if (!tag.matches(span)) {
        return false;
      }
    }
    return true;
  }

  private static @Nullable String emptyToNull(@Nullable String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  @Override
  public String toString() {
    return "TraceQuery{service=" + serviceName + ", operation=" + operationName + ", tags=" + tags
        + ", start=[" + startTimeMinNanos + "," + startTimeMaxNanos + "], duration=["
        + durationMinNanos + "," + durationMaxNanos + "], limit=" + limit + "}";
  }

  /** Builds a {@link TraceQuery}; every criterion is optional. */
  public static final class Builder {
    private @Nullable String serviceName;
    private @Nullable String operationName;
    private final List<TagFilter> tags = new ArrayList<>();
    private long startTimeMinNanos = Long.MIN_VALUE;
    private long startTimeMaxNanos = Long.MAX_VALUE;
    private long durationMinNanos;
    private long durationMaxNanos = Long.MAX_VALUE;
    private int limit = DEFAULT_LIMIT;

    Builder() {}

    /** Null or empty: every service. */
    public Builder serviceName(@Nullable String serviceName) {
      this.serviceName = serviceName;
      return this;
    }

    /** Null or empty: every operation. */
    public Builder operationName(@Nullable String operationName) {
      this.operationName = operationName;
      return this;
    }

    public Builder addTag(TagFilter tag) {
      tags.add(Objects.requireNonNull(tag, "tag"));
      return this;
    }

    public Builder tags(List<TagFilter> tags) {
      this.tags.clear();
      this.tags.addAll(tags);
      return this;
    }

    public Builder startTimeMinNanos(long nanos) {
      this.startTimeMinNanos = nanos;
      return this;
    }

    public Builder startTimeMaxNanos(long nanos) {
      this.startTimeMaxNanos = nanos;
      return this;
    }

    public Builder startTimeMin(Instant instant) {
      return startTimeMinNanos(toNanos(instant));
    }

    public Builder startTimeMax(Instant instant) {
      return startTimeMaxNanos(toNanos(instant));
    }

    public Builder durationMinNanos(long nanos) {
      this.durationMinNanos = nanos;
      return this;
    }

    public Builder durationMaxNanos(long nanos) {
      this.durationMaxNanos = nanos;
      return this;
    }

    public Builder durationMin(Duration d) {
      return durationMinNanos(d.toNanos());
    }

    public Builder durationMax(Duration d) {
      return durationMaxNanos(d.toNanos());
    }

    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** @throws IllegalArgumentException naming the bad value and what was expected */
    public TraceQuery build() {
      if (limit <= 0) {
        throw new IllegalArgumentException("limit: " + limit + " (expected: > 0)");
      }
      if (durationMinNanos < 0) {
        throw new IllegalArgumentException("minDuration: " + durationMinNanos + "ns (expected: >= 0)");
      }
      if (durationMaxNanos < durationMinNanos) {
        throw new IllegalArgumentException("maxDuration: " + durationMaxNanos
            + "ns (expected: >= minDuration " + durationMinNanos + "ns)");
      }
      if (startTimeMaxNanos < startTimeMinNanos) {
        throw new IllegalArgumentException("end: " + startTimeMaxNanos
            + "ns (expected: >= start " + startTimeMinNanos + "ns)");
      }
      return new TraceQuery(this);
    }

    private static long toNanos(Instant instant) {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
  }
}
