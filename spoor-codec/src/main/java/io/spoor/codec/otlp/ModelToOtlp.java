package io.spoor.codec.otlp;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.proto.trace.v1.TracesData;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.RefType;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.SpanRef;
import io.spoor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The model to OTLP, the way Jaeger's {@code jaegerproto_to_traces.go} translates its spans: one
 * {@code ResourceSpans} per distinct process, one {@code ScopeSpans} per scope, and the tags that
 * stand for OTLP fields (kind, status, trace state, scope, dropped counts) moved back into them.
 */
final class ModelToOtlp {
  private static final int OTLP_FLAG_SAMPLED = 0x1;

  private record Scope(String name, String version) {}

  private ModelToOtlp() {}

  static TracesData encode(List<Span> spans) {
    Map<Process, Map<Scope, List<io.opentelemetry.proto.trace.v1.Span>>> grouped =
        new LinkedHashMap<>();
    for (Span span : spans) {
      List<KeyValue> tags = new ArrayList<>(span.tags());
      Scope scope = takeScope(tags);
      grouped.computeIfAbsent(span.process(), p -> new LinkedHashMap<>())
          .computeIfAbsent(scope, s -> new ArrayList<>())
          .add(toOtlpSpan(span, tags));
    }
    TracesData.Builder data = TracesData.newBuilder();
    for (var byProcess : grouped.entrySet()) {
      ResourceSpans.Builder rs = ResourceSpans.newBuilder().setResource(toResource(byProcess.getKey()));
      for (var byScope : byProcess.getValue().entrySet()) {
        InstrumentationScope.Builder scope = InstrumentationScope.newBuilder()
            .setName(byScope.getKey().name())
            .setVersion(byScope.getKey().version());
        rs.addScopeSpans(ScopeSpans.newBuilder().setScope(scope).addAllSpans(byScope.getValue()));
      }
      data.addResourceSpans(rs);
    }
    return data.build();
  }

  static Resource toResource(Process process) {
    Resource.Builder r = Resource.newBuilder();
    String service = process.serviceName();
    if (!service.isEmpty() && !service.equals(TagKeys.NO_SERVICE_NAME)) {
      r.addAttributes(OtlpAttributes.toAttribute(KeyValue.of(TagKeys.SERVICE_NAME, service)));
    }
    List<KeyValue> tags = new ArrayList<>(process.tags());
    // Jaeger clients name these differently from the OTel resource conventions.
    KeyValue hostname = find(tags, TagKeys.HOSTNAME);
    if (hostname != null && find(tags, TagKeys.HOST_NAME) == null) {
      tags.set(tags.indexOf(hostname), rename(hostname, TagKeys.HOST_NAME));
    }
    KeyValue jaegerVersion = find(tags, TagKeys.JAEGER_VERSION);
    if (jaegerVersion != null && find(tags, TagKeys.EXPORTER_VERSION) == null) {
      tags.remove(jaegerVersion);
      tags.add(KeyValue.of(TagKeys.EXPORTER_VERSION, "Jaeger-" + jaegerVersion.valueAsString()));
    }
    r.addAllAttributes(OtlpAttributes.toAttributes(tags));
    return r.build();
  }

  private static Scope takeScope(List<KeyValue> tags) {
    String name = takeString(tags, TagKeys.SCOPE_NAME);
    String version = takeString(tags, TagKeys.SCOPE_VERSION);
    if (name == null) {
      name = takeString(tags, TagKeys.LIBRARY_NAME);
      version = takeString(tags, TagKeys.LIBRARY_VERSION);
    }
    return new Scope(name == null ? "" : name, version == null ? "" : version);
  }

  private static io.opentelemetry.proto.trace.v1.Span toOtlpSpan(Span span, List<KeyValue> tags) {
    io.opentelemetry.proto.trace.v1.Span.Builder b = io.opentelemetry.proto.trace.v1.Span.newBuilder()
        .setTraceId(ByteString.copyFrom(span.traceId().toBytes()))
        .setSpanId(ByteString.copyFrom(span.spanId().toBytes()))
        .setName(span.operationName())
        .setStartTimeUnixNano(span.startTimeNanos())
        .setEndTimeUnixNano(span.startTimeNanos() + span.durationNanos());
    if (span.isSampled()) {
      b.setFlags(OTLP_FLAG_SAMPLED);
    }
    SpanId parent = span.parentSpanId();
    if (!parent.isZero()) {
      b.setParentSpanId(ByteString.copyFrom(parent.toBytes()));
    }
    KeyValue kindTag = take(tags, SpanKind.TAG_KEY);
    SpanKind kind = kindTag != null && kindTag.type() == ValueType.STRING
        ? SpanKind.fromTagValue(kindTag.stringValue())
        : SpanKind.UNSPECIFIED;
    b.setKind(toOtlpKind(kind));
    Status status = takeStatus(tags, kind);
    if (status != null) {
      b.setStatus(status);
    }
    String traceState = takeString(tags, TagKeys.TRACE_STATE);
    if (traceState != null) {
      b.setTraceState(traceState);
    }
    b.setDroppedAttributesCount(takeCount(tags, TagKeys.DROPPED_ATTRIBUTES));
    b.setDroppedEventsCount(takeCount(tags, TagKeys.DROPPED_EVENTS));
    b.setDroppedLinksCount(takeCount(tags, TagKeys.DROPPED_LINKS));
    b.addAllAttributes(OtlpAttributes.toAttributes(tags));
    for (Log log : span.logs()) {
      b.addEvents(toEvent(log));
    }
    addLinks(b, span, parent);
    return b.build();
  }

  private static void addLinks(
      io.opentelemetry.proto.trace.v1.Span.Builder b, Span span, SpanId parent) {
    boolean parentSkipped = false;
    for (SpanRef ref : span.references()) {
      if (!parentSkipped && ref.type() == RefType.CHILD_OF && ref.spanId().equals(parent)
          && ref.traceId().equals(span.traceId())) {
        parentSkipped = true; // it is the parent_span_id already
        continue;
      }
      String refType = ref.type() == RefType.CHILD_OF ? TagKeys.REF_CHILD_OF : TagKeys.REF_FOLLOWS_FROM;
      b.addLinks(io.opentelemetry.proto.trace.v1.Span.Link.newBuilder()
          .setTraceId(ByteString.copyFrom(ref.traceId().toBytes()))
          .setSpanId(ByteString.copyFrom(ref.spanId().toBytes()))
          .addAttributes(OtlpAttributes.toAttribute(KeyValue.of(TagKeys.REF_TYPE, refType))));
    }
  }

  private static io.opentelemetry.proto.trace.v1.Span.Event toEvent(Log log) {
    List<KeyValue> fields = new ArrayList<>(log.fields());
    io.opentelemetry.proto.trace.v1.Span.Event.Builder e =
        io.opentelemetry.proto.trace.v1.Span.Event.newBuilder().setTimeUnixNano(log.timestampNanos());
    KeyValue name = find(fields, TagKeys.EVENT);
    if (name != null && name.type() == ValueType.STRING) {
      fields.remove(name);
      e.setName(name.stringValue());
    }
    return e.addAllAttributes(OtlpAttributes.toAttributes(fields)).build();
  }

  /**
   * Status as Jaeger derives it: {@code error=true} wins, then {@code otel.status_code}, then an HTTP
   * status code (4xx is an error for clients only, 5xx and unknown codes always).
   */
  private static @Nullable Status takeStatus(List<KeyValue> tags, SpanKind kind) {
    Status.StatusCode code = null;
    String message = "";
    KeyValue error = find(tags, TagKeys.ERROR);
    if (error != null && error.type() == ValueType.BOOL && error.boolValue()) {
      tags.remove(error);
      code = Status.StatusCode.STATUS_CODE_ERROR;
      String description = takeString(tags, TagKeys.STATUS_DESCRIPTION);
      KeyValue httpMessage = find(tags, TagKeys.HTTP_STATUS_MESSAGE);
      message = description != null ? description
          : httpMessage != null ? httpMessage.valueAsString() : "";
    }
    KeyValue statusCode = take(tags, TagKeys.STATUS_CODE);
    if (statusCode != null) {
      if (code == null) {
        String value = statusCode.valueAsString().toUpperCase(Locale.ROOT);
        code = value.equals(TagKeys.STATUS_OK) ? Status.StatusCode.STATUS_CODE_OK
            : value.equals(TagKeys.STATUS_ERROR) ? Status.StatusCode.STATUS_CODE_ERROR
            : Status.StatusCode.STATUS_CODE_UNSET;
        String description = takeString(tags, TagKeys.STATUS_DESCRIPTION);
        message = description == null ? "" : description;
      }
    } else if (code == null) {
      KeyValue http = find(tags, TagKeys.HTTP_STATUS_CODE);
      Long httpCode = http == null ? null : httpCode(http);
      if (httpCode != null) {
        Status.StatusCode fromHttp = fromHttp(httpCode, kind);
        KeyValue httpMessage = find(tags, TagKeys.HTTP_STATUS_MESSAGE);
        if (fromHttp == Status.StatusCode.STATUS_CODE_UNSET) {
          return null;
        }
        code = fromHttp;
        message = httpMessage == null ? "" : httpMessage.valueAsString();
      }
    }
    if (code == null) {
      return null;
    }
    return Status.newBuilder().setCode(code).setMessage(message).build();
  }

  private static @Nullable Long httpCode(KeyValue tag) {
    if (tag.type() == ValueType.INT64) {
      return tag.longValue();
    }
    if (tag.type() == ValueType.STRING) {
      try {
        return Long.parseLong(tag.stringValue());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Status.StatusCode fromHttp(long code, SpanKind kind) {
    if (code >= 400 && code < 500) {
      if (kind == SpanKind.CLIENT) {
        return Status.StatusCode.STATUS_CODE_ERROR;
      }
      if (kind == SpanKind.SERVER) {
        return Status.StatusCode.STATUS_CODE_UNSET;
      }
    }
    return code >= 100 && code < 399 ? Status.StatusCode.STATUS_CODE_UNSET
        : Status.StatusCode.STATUS_CODE_ERROR;
  }

  private static io.opentelemetry.proto.trace.v1.Span.SpanKind toOtlpKind(SpanKind kind) {
    switch (kind) {
      case SERVER:
        return io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_SERVER;
      case CLIENT:
        return io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT;
      case PRODUCER:
        return io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_PRODUCER;
      case CONSUMER:
        return io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CONSUMER;
      case INTERNAL:
        return io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_INTERNAL;
      default:
        return io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_UNSPECIFIED;
    }
  }

  private static int takeCount(List<KeyValue> tags, String key) {
    KeyValue tag = find(tags, key);
    if (tag == null || tag.type() != ValueType.INT64) {
      return 0;
    }
    tags.remove(tag);
    return (int) tag.longValue();
  }

  private static @Nullable String takeString(List<KeyValue> tags, String key) {
    KeyValue tag = take(tags, key);
    return tag == null ? null : tag.valueAsString();
  }

  private static @Nullable KeyValue take(List<KeyValue> tags, String key) {
    KeyValue tag = find(tags, key);
    if (tag != null) {
      tags.remove(tag);
    }
    return tag;
  }

  private static @Nullable KeyValue find(List<KeyValue> tags, String key) {
    for (KeyValue tag : tags) {
      if (tag.key().equals(key)) {
        return tag;
      }
    }
    return null;
  }

  private static KeyValue rename(KeyValue tag, String key) {
    switch (tag.type()) {
      case STRING:
        return KeyValue.of(key, tag.stringValue());
      case BOOL:
        return KeyValue.of(key, tag.boolValue());
      case INT64:
        return KeyValue.of(key, tag.longValue());
      case FLOAT64:
        return KeyValue.of(key, tag.doubleValue());
      default:
        return KeyValue.ofBinary(key, tag.binaryValue());
    }
  }
}
