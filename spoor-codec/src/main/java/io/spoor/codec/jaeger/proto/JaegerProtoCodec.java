package io.spoor.codec.jaeger.proto;

import com.google.protobuf.InvalidProtocolBufferException;
import io.spoor.codec.DecodeException;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.proto.api_v2.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Jaeger's api_v2 protobuf model ({@code jaeger.api_v2.Span}, {@code Batch}) to and from Spoor's
 * model.
 *
 * <p>Mapping: trace ids are 16 bytes big-endian (8 bytes, a 64-bit id, is accepted on input), span ids
 * 8 bytes; an absent (empty) id reads as zero and any other length is refused. {@code Timestamp} and
 * {@code Duration} become epoch nanoseconds and nanoseconds and back without loss. Tags keep their
 * five types; references keep type, trace and span; flags and warnings are copied; {@code process_id}
 * is ignored. A span's own process wins over the batch's; with neither, the span gets a process with an
 * empty service name (the collector's sanitizer names it).
 *
 * <p>Malformed input raises {@link DecodeException} naming the element, e.g. {@code "Jaeger proto
 * api_v2 batch: spans[2].references[0].trace_id: 5 bytes (expected: 16, or 8 for a 64-bit id)"}.
 *
 * <p>Instances are stateless and thread-safe; share one.
 */
public final class JaegerProtoCodec {
  private static final String BATCH = "Jaeger proto api_v2 batch";
  private static final String SPAN = "Jaeger proto api_v2 span";

  /** The spans of a batch, in order; each without a process of its own gets the batch's. */
  public List<Span> fromBatch(Model.Batch batch) {
    Objects.requireNonNull(batch, "batch");
    Process fallback =
        batch.hasProcess() ? ProtoSpanReader.readProcess(batch.getProcess(), BATCH + ":", "process") : null;
    List<Span> out = new ArrayList<>(batch.getSpansCount());
    for (int i = 0; i < batch.getSpansCount(); i++) {
      out.add(ProtoSpanReader.readSpan(batch.getSpans(i), fallback, BATCH + ": spans[" + i + "]"));
    }
    return out;
  }

  /**
   * A batch of these spans. When all spans share one process it is written once, as the batch's
   * process, and the spans carry none; otherwise every span carries its own.
   */
  public Model.Batch toBatch(List<Span> spans) {
    Objects.requireNonNull(spans, "spans");
    Model.Batch.Builder out = Model.Batch.newBuilder();
    Process shared = sharedProcess(spans);
    if (shared != null) {
      out.setProcess(ProtoSpanWriter.writeProcess(shared));
      for (Span span : spans) {
        out.addSpans(ProtoSpanWriter.writeSpanWithoutProcess(span));
      }
    } else {
      for (Span span : spans) {
        out.addSpans(ProtoSpanWriter.writeSpan(span));
      }
    }
    return out.build();
  }

  /**
   * One span; its own process wins, else {@code fallback}, else a process with an empty service name.
   *
   * @throws DecodeException when an id, time or enum value is malformed
   */
  public Span fromSpan(Model.Span span, @Nullable Process fallback) {
    Objects.requireNonNull(span, "span");
    return ProtoSpanReader.readSpan(span, fallback, SPAN + ":");
  }

  /** One span with its process filled in, as the Kafka span format and query responses carry it. */
  public Model.Span toSpan(Span span) {
    return ProtoSpanWriter.writeSpan(Objects.requireNonNull(span, "span"));
  }

  /**
   * Parses a serialized {@code Batch} and maps it as {@link #fromBatch}.
   *
   * @throws DecodeException when the bytes are not a valid batch
   */
  public List<Span> decodeBatch(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    Model.Batch batch;
    try {
      batch = Model.Batch.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException(BATCH + ": " + e.getMessage(), e);
    }
    return fromBatch(batch);
  }

  /** Serializes {@link #toBatch}. */
  public byte[] encodeBatch(List<Span> spans) {
    return toBatch(spans).toByteArray();
  }

  /**
   * Parses one serialized {@code Span} (the Kafka message format) and maps it as {@link #fromSpan}
   * without a fallback process.
   *
   * @throws DecodeException when the bytes are not a valid span
   */
  public Span decodeSpan(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    Model.Span span;
    try {
      span = Model.Span.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new DecodeException(SPAN + ": " + e.getMessage(), e);
    }
    return ProtoSpanReader.readSpan(span, null, SPAN + ":");
  }

  /** Serializes one span with its process: Jaeger's Kafka {@code protobuf} message format. */
  public byte[] encodeSpan(Span span) {
    return toSpan(span).toByteArray();
  }

  private static @Nullable Process sharedProcess(List<Span> spans) {
    if (spans.isEmpty()) {
      return null;
    }
    Process first = spans.get(0).process();
    for (Span span : spans) {
      if (!span.process().equals(first)) {
        return null;
      }
    }
    return first;
  }
}
