package io.spoor.codec.zipkin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.SpanRef;
import io.spoor.model.TraceId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import zipkin2.Annotation;
import zipkin2.Endpoint;

/**
 * {@code zipkin2.Span} to the model, as Jaeger's Zipkin receiver maps it (Jaeger v1 {@code
 * model/converter/thrift/zipkin/to_domain.go}, with the producer/consumer kinds and error handling of
 * the v2 receiver).
 */
final class ZipkinToModel {
  /** Jaeger's service name for a span whose local endpoint names none. */
  static final String UNKNOWN_SERVICE = "unknown-service-name";
  static final String IP = "ip";
  static final String PEER_SERVICE = "peer.service";
  static final String PEER_IPV4 = "peer.ipv4";
  static final String PEER_IPV6 = "peer.ipv6";
  static final String PEER_PORT = "peer.port";
  static final String ERROR = "error";
  static final String STATUS_DESCRIPTION = "otel.status_description";
  static final String LOCAL_COMPONENT = "lc";
  static final String COMPONENT = "component";
  static final String EVENT = "event";

  private static final JsonFactory JSON = new JsonFactory();

  private ZipkinToModel() {}

  static Span toModel(zipkin2.Span z) {
    TraceId traceId = TraceId.parse(z.traceId());
    Span.Builder b = Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.parse(z.id()))
        .operationName(z.name() == null ? "" : z.name())
        // Zipkin reports only sampled spans; debug is Zipkin's forced sampling.
        .flags(Span.FLAG_SAMPLED | (Boolean.TRUE.equals(z.debug()) ? Span.FLAG_DEBUG : 0))
        .startTimeNanos(z.timestampAsLong() * 1000L)
        .durationNanos(z.durationAsLong() * 1000L);
    if (z.parentId() != null) {
      b.addReference(SpanRef.childOf(traceId, SpanId.parse(z.parentId())));
    }
    List<KeyValue> processTags = new ArrayList<>();
    for (Map.Entry<String, String> tag : z.tags().entrySet()) {
      addTag(b, processTags, tag.getKey(), tag.getValue());
    }
    addPeerTags(b, z.remoteEndpoint());
    SpanKind kind = kind(z.kind());
    if (kind != SpanKind.UNSPECIFIED) {
      b.addTag(KeyValue.of(SpanKind.TAG_KEY, kind.tagValue()));
    }
    for (Annotation annotation : z.annotations()) {
      if (!annotation.value().isEmpty()) {
        b.addLog(new Log(annotation.timestamp() * 1000L, logFields(annotation.value())));
      }
    }
    b.process(toProcess(z.localEndpoint(), processTags));
    return b.build();
  }

  private static void addTag(Span.Builder b, List<KeyValue> processTags, String key, String value) {
    switch (key) {
      case "jaegerClient":
      case "jaeger.version":
        // these describe the process that emitted the span, not the span
        processTags.add(KeyValue.of("jaeger.version", value));
        return;
      case "jaeger.hostname":
        processTags.add(KeyValue.of("hostname", value));
        return;
      case LOCAL_COMPONENT:
        b.addTag(KeyValue.of(COMPONENT, value));
        return;
      case ERROR:
        // Zipkin's error tag holds the message; Jaeger's UI and search want error=true.
        b.addTag(KeyValue.of(ERROR, !value.equals("false")));
        if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
          b.addTag(KeyValue.of(STATUS_DESCRIPTION, value));
        }
        return;
      default:
        b.addTag(KeyValue.of(key, value));
    }
  }

  private static void addPeerTags(Span.Builder b, @Nullable Endpoint remote) {
    if (remote == null) {
      return;
    }
    if (remote.serviceName() != null) {
      b.addTag(KeyValue.of(PEER_SERVICE, remote.serviceName()));
    }
    if (remote.ipv4() != null) {
      b.addTag(KeyValue.of(PEER_IPV4, remote.ipv4()));
    }
    if (remote.ipv6() != null) {
      b.addTag(KeyValue.of(PEER_IPV6, remote.ipv6()));
    }
    if (remote.portAsInt() != 0) {
      b.addTag(KeyValue.of(PEER_PORT, (long) remote.portAsInt()));
    }
  }

  private static Process toProcess(@Nullable Endpoint local, List<KeyValue> tags) {
    String service = local == null || local.serviceName() == null
        ? UNKNOWN_SERVICE
        : local.serviceName();
    if (local != null) {
      String ip = local.ipv4() != null ? local.ipv4() : local.ipv6();
      if (ip != null) {
        tags.add(KeyValue.of(IP, ip));
      }
    }
    return new Process(service, tags);
  }

  static SpanKind kind(zipkin2.Span.@Nullable Kind kind) {
    if (kind == null) {
      return SpanKind.UNSPECIFIED;
    }
    switch (kind) {
      case CLIENT:
        return SpanKind.CLIENT;
      case SERVER:
        return SpanKind.SERVER;
      case PRODUCER:
        return SpanKind.PRODUCER;
      case CONSUMER:
        return SpanKind.CONSUMER;
      default:
        return SpanKind.UNSPECIFIED;
    }
  }

  /**
   * Some clients encode key-value logs as an annotation holding a JSON object of strings; Jaeger
   * unpacks those into fields. Anything else is one {@code event} field.
   */
  static List<KeyValue> logFields(String value) {
    if (value.startsWith("{")) {
      List<KeyValue> fields = jsonFields(value);
      if (fields != null) {
        return fields;
      }
    }
    return List.of(KeyValue.of(EVENT, value));
  }

  private static @Nullable List<KeyValue> jsonFields(String value) {
    try (JsonParser p = JSON.createParser(value)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<KeyValue> fields = new ArrayList<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (p.nextToken() != JsonToken.VALUE_STRING) {
          return null; // Jaeger only unpacks objects whose values are all strings
        }
        fields.add(KeyValue.of(key, p.getText()));
      }
      return p.nextToken() == null ? fields : null;
    } catch (IOException e) {
      return null; // not JSON after all: the whole value is the event
    }
  }
}
