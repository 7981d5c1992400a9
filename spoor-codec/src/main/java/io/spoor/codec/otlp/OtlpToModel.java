package io.spoor.codec.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** OTLP spans to the model, the way Jaeger's {@code traces_to_jaegerproto.go} translates them. */
final class OtlpToModel {
  private static final int MAX_REASONS = 3;
  private static final int OTLP_FLAG_SAMPLED = 0x1;

  private final List<Span> spans = new ArrayList<>();
  private final List<String> reasons = new ArrayList<>();
  private long rejected;

  private OtlpToModel() {}

  static OtlpDecodeResult decode(List<ResourceSpans> resourceSpans) {
    OtlpToModel decoder = new OtlpToModel();
    for (int r = 0; r < resourceSpans.size(); r++) {
      decoder.addResourceSpans(resourceSpans.get(r), "resourceSpans[" + r + "]");
    }
    String message = String.join("; ", decoder.reasons);
    if (decoder.rejected > decoder.reasons.size()) {
      message += "; and " + (decoder.rejected - decoder.reasons.size()) + " more";
    }
    return new OtlpDecodeResult(decoder.spans, decoder.rejected, message);
  }

  private void addResourceSpans(ResourceSpans rs, String path) {
    Process process = toProcess(rs.getResource());
    for (int s = 0; s < rs.getScopeSpansCount(); s++) {
      ScopeSpans ss = rs.getScopeSpans(s);
      List<KeyValue> scopeTags = scopeTags(ss.getScope());
      for (int i = 0; i < ss.getSpansCount(); i++) {
        String spanPath = path + ".scopeSpans[" + s + "].spans[" + i + "]";
        io.opentelemetry.proto.trace.v1.Span span = ss.getSpans(i);
        String problem = validateIds(span);
        if (problem != null) {
          rejected++;
          if (reasons.size() < MAX_REASONS) {
            reasons.add(spanPath + "." + problem);
          }
          continue;
        }
        spans.add(toSpan(span, process, scopeTags));
      }
    }
  }

  /** Null when the ids are usable, else what is wrong with them. */
  private static @Nullable String validateIds(io.opentelemetry.proto.trace.v1.Span span) {
    String problem = checkId("traceId", span.getTraceId(), 16);
    if (problem == null) {
      problem = checkId("spanId", span.getSpanId(), 8);
    }
    if (problem == null && !span.getParentSpanId().isEmpty() && span.getParentSpanId().size() != 8) {
      problem = "parentSpanId: " + span.getParentSpanId().size() + " bytes (expected: 8 or none)";
    }
    return problem;
  }

  private static @Nullable String checkId(String field, ByteString id, int size) {
    if (id.size() != size) {
      return field + ": " + id.size() + " bytes (expected: " + size + ")";
    }
    for (int i = 0; i < size; i++) {
      if (id.byteAt(i) != 0) {
        return null;
      }
    }
    return field + ": all zeros (expected: a non-zero id)";
  }

  static Process toProcess(Resource resource) {
    String serviceName = TagKeys.NO_SERVICE_NAME;
    List<KeyValue> tags = new ArrayList<>(resource.getAttributesCount());
    for (io.opentelemetry.proto.common.v1.KeyValue attr : resource.getAttributesList()) {
      if (attr.getKey().equals(TagKeys.SERVICE_NAME)) {
        serviceName = attr.getValue().getValueCase() == AnyValue.ValueCase.STRING_VALUE
            ? attr.getValue().getStringValue()
            : OtlpAttributes.toTag(attr.getKey(), attr.getValue()).valueAsString();
        continue;
      }
      tags.add(OtlpAttributes.toTag(attr.getKey(), attr.getValue()));
    }
    return new Process(serviceName, tags);
  }

  private static List<KeyValue> scopeTags(InstrumentationScope scope) {
    List<KeyValue> tags = new ArrayList<>(2);
    if (!scope.getName().isEmpty()) {
      tags.add(KeyValue.of(TagKeys.SCOPE_NAME, scope.getName()));
    }
    if (!scope.getVersion().isEmpty()) {
      tags.add(KeyValue.of(TagKeys.SCOPE_VERSION, scope.getVersion()));
    }
    return tags;
  }

  private static Span toSpan(
      io.opentelemetry.proto.trace.v1.Span span, Process process, List<KeyValue> scopeTags) {
    TraceId traceId = TraceId.fromBytes(span.getTraceId().toByteArray());
    Span.Builder b = Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.fromBytes(span.getSpanId().toByteArray()))
        .operationName(span.getName())
        .flags((span.getFlags() & OTLP_FLAG_SAMPLED) != 0 ? Span.FLAG_SAMPLED : 0)
        .startTimeNanos(span.getStartTimeUnixNano())
        .durationNanos(span.getEndTimeUnixNano() - span.getStartTimeUnixNano())
        .process(process);
    addReferences(b, span, traceId);
    addTags(b, span, scopeTags);
    for (io.opentelemetry.proto.trace.v1.Span.Event event : span.getEventsList()) {
      b.addLog(toLog(event));
    }
    return b.build();
  }

  private static void addReferences(
      Span.Builder b, io.opentelemetry.proto.trace.v1.Span span, TraceId traceId) {
    SpanId parent = span.getParentSpanId().isEmpty()
        ? SpanId.ZERO
        : SpanId.fromBytes(span.getParentSpanId().toByteArray());
    // The parent goes first: Jaeger and its UI take the first CHILD_OF as the parent.
    RefType parentType = RefType.CHILD_OF;
    List<SpanRef> links = new ArrayList<>(span.getLinksCount());
    for (int i = 0; i < span.getLinksCount(); i++) {
      io.opentelemetry.proto.trace.v1.Span.Link link = span.getLinks(i);
      if (link.getTraceId().size() != 16 || link.getSpanId().size() != 8) {
        b.addWarning("links[" + i + "]: trace id of " + link.getTraceId().size()
            + " bytes, span id of " + link.getSpanId().size()
            + " bytes (expected: 16 and 8); link dropped");
        continue;
      }
      TraceId linkTrace = TraceId.fromBytes(link.getTraceId().toByteArray());
      SpanId linkSpan = SpanId.fromBytes(link.getSpanId().toByteArray());
      RefType type = refType(link);
      if (!parent.isZero() && linkTrace.equals(traceId) && linkSpan.equals(parent)) {
        parentType = type; // a link to the parent only says which kind of reference it is
        continue;
      }
      links.add(new SpanRef(type, linkTrace, linkSpan));
    }
    if (!parent.isZero()) {
      b.addReference(new SpanRef(parentType, traceId, parent));
    }
    for (SpanRef link : links) {
      b.addReference(link);
    }
  }

  private static RefType refType(io.opentelemetry.proto.trace.v1.Span.Link link) {
    for (io.opentelemetry.proto.common.v1.KeyValue attr : link.getAttributesList()) {
      if (attr.getKey().equals(TagKeys.REF_TYPE)) {
        return attr.getValue().getStringValue().equals(TagKeys.REF_CHILD_OF)
            ? RefType.CHILD_OF
            : RefType.FOLLOWS_FROM;
      }
    }
    return RefType.FOLLOWS_FROM;
  }

  private static void addTags(
      Span.Builder b, io.opentelemetry.proto.trace.v1.Span span, List<KeyValue> scopeTags) {
    scopeTags.forEach(b::addTag);
    for (io.opentelemetry.proto.common.v1.KeyValue attr : span.getAttributesList()) {
      b.addTag(OtlpAttributes.toTag(attr.getKey(), attr.getValue()));
    }
    SpanKind kind = kind(span.getKind());
    if (kind != SpanKind.UNSPECIFIED) {
      b.addTag(KeyValue.of(SpanKind.TAG_KEY, kind.tagValue()));
    }
    Status status = span.getStatus();
    if (status.getCode() == Status.StatusCode.STATUS_CODE_OK) {
      b.addTag(KeyValue.of(TagKeys.STATUS_CODE, TagKeys.STATUS_OK));
    } else if (status.getCode() == Status.StatusCode.STATUS_CODE_ERROR) {
      b.addTag(KeyValue.of(TagKeys.STATUS_CODE, TagKeys.STATUS_ERROR));
      b.addTag(KeyValue.of(TagKeys.ERROR, true));
    }
    if (!status.getMessage().isEmpty()) {
      b.addTag(KeyValue.of(TagKeys.STATUS_DESCRIPTION, status.getMessage()));
    }
    if (!span.getTraceState().isEmpty()) {
      b.addTag(KeyValue.of(TagKeys.TRACE_STATE, span.getTraceState()));
    }
    // Jaeger's translator drops these counts; the OTel spec for non-OTLP exporters keeps them as tags.
    addCount(b, TagKeys.DROPPED_ATTRIBUTES, span.getDroppedAttributesCount());
    addCount(b, TagKeys.DROPPED_EVENTS, span.getDroppedEventsCount());
    addCount(b, TagKeys.DROPPED_LINKS, span.getDroppedLinksCount());
  }

  private static void addCount(Span.Builder b, String key, int count) {
    if (count != 0) {
      b.addTag(KeyValue.of(key, Integer.toUnsignedLong(count)));
    }
  }

  static SpanKind kind(io.opentelemetry.proto.trace.v1.Span.SpanKind kind) {
    switch (kind) {
      case SPAN_KIND_SERVER:
        return SpanKind.SERVER;
      case SPAN_KIND_CLIENT:
        return SpanKind.CLIENT;
      case SPAN_KIND_PRODUCER:
        return SpanKind.PRODUCER;
      case SPAN_KIND_CONSUMER:
        return SpanKind.CONSUMER;
      case SPAN_KIND_INTERNAL:
        return SpanKind.INTERNAL;
      default:
        return SpanKind.UNSPECIFIED;
    }
  }

  private static Log toLog(io.opentelemetry.proto.trace.v1.Span.Event event) {
    List<KeyValue> fields = new ArrayList<>(event.getAttributesCount() + 1);
    boolean hasEventAttribute = false;
    for (io.opentelemetry.proto.common.v1.KeyValue attr : event.getAttributesList()) {
      hasEventAttribute |= attr.getKey().equals(TagKeys.EVENT);
    }
    if (!event.getName().isEmpty() && !hasEventAttribute) {
      fields.add(KeyValue.of(TagKeys.EVENT, event.getName()));
    }
    for (io.opentelemetry.proto.common.v1.KeyValue attr : event.getAttributesList()) {
      fields.add(OtlpAttributes.toTag(attr.getKey(), attr.getValue()));
    }
    return new Log(event.getTimeUnixNano(), fields);
  }
}
