package io.spoor.codec.zipkin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.ValueType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import zipkin2.Endpoint;

/** The model to {@code zipkin2.Span}: the reverse of {@link ZipkinToModel}. */
final class ModelToZipkin {
  private static final JsonFactory JSON = new JsonFactory();

  private ModelToZipkin() {}

  static zipkin2.Span toZipkin(Span span) {
    zipkin2.Span.Builder z = zipkin2.Span.newBuilder()
        .traceId(span.traceId().high(), span.traceId().low())
        .id(span.spanId().value())
        .name(span.operationName())
        .timestamp(span.startTimeMicros())
        .duration(span.durationMicros());
    SpanId parent = span.parentSpanId();
    if (!parent.isZero()) {
      z.parentId(parent.value());
    }
    if ((span.flags() & Span.FLAG_DEBUG) != 0) {
      z.debug(true);
    }
    List<KeyValue> tags = new ArrayList<>(span.tags());
    z.kind(kind(span.kind()));
    remove(tags, SpanKind.TAG_KEY);
    z.remoteEndpoint(remoteEndpoint(tags));
    z.localEndpoint(localEndpoint(span));
    for (KeyValue tag : span.process().tags()) {
      if (tag.key().equals("jaeger.version")) {
        z.putTag("jaeger.version", tag.valueAsString());
      } else if (tag.key().equals("hostname")) {
        z.putTag("jaeger.hostname", tag.valueAsString());
      }
    }
    KeyValue description = remove(tags, ZipkinToModel.STATUS_DESCRIPTION);
    for (KeyValue tag : tags) {
      String key = tag.key();
      if (key.equals(ZipkinToModel.ERROR) && tag.type() == ValueType.BOOL) {
        z.putTag(key, tag.boolValue() && description != null
            ? description.valueAsString()
            : Boolean.toString(tag.boolValue()));
      } else if (key.equals(ZipkinToModel.COMPONENT)) {
        z.putTag(ZipkinToModel.LOCAL_COMPONENT, tag.valueAsString());
      } else {
        z.putTag(key, tag.valueAsString());
      }
    }
    for (Log log : span.logs()) {
      z.addAnnotation(Math.floorDiv(log.timestampNanos(), 1000L), annotationValue(log));
    }
    return z.build();
  }

  private static zipkin2.Span.@Nullable Kind kind(SpanKind kind) {
    switch (kind) {
      case CLIENT:
        return zipkin2.Span.Kind.CLIENT;
      case SERVER:
        return zipkin2.Span.Kind.SERVER;
      case PRODUCER:
        return zipkin2.Span.Kind.PRODUCER;
      case CONSUMER:
        return zipkin2.Span.Kind.CONSUMER;
      default:
        return null;
    }
  }

  private static @Nullable Endpoint localEndpoint(Span span) {
    Endpoint.Builder e = Endpoint.newBuilder();
    String service = span.serviceName();
    if (!service.equals(ZipkinToModel.UNKNOWN_SERVICE)) {
      e.serviceName(service);
    }
    for (KeyValue tag : span.process().tags()) {
      if (tag.key().equals(ZipkinToModel.IP)) {
        setIp(e, tag);
      }
    }
    Endpoint endpoint = e.build();
    return isEmpty(endpoint) ? null : endpoint;
  }

  private static @Nullable Endpoint remoteEndpoint(List<KeyValue> tags) {
    Endpoint.Builder e = Endpoint.newBuilder();
    KeyValue service = remove(tags, ZipkinToModel.PEER_SERVICE);
    if (service != null) {
      e.serviceName(service.valueAsString());
    }
    KeyValue ipv4 = remove(tags, ZipkinToModel.PEER_IPV4);
    if (ipv4 != null) {
      setIp(e, ipv4);
    }
    KeyValue ipv6 = remove(tags, ZipkinToModel.PEER_IPV6);
    if (ipv6 != null) {
      setIp(e, ipv6);
    }
    KeyValue port = remove(tags, ZipkinToModel.PEER_PORT);
    if (port != null && port.type() == ValueType.INT64) {
      e.port((int) port.longValue());
    }
    Endpoint endpoint = e.build();
    return isEmpty(endpoint) ? null : endpoint;
  }

  /** An IP tag as a string, an IPv4 packed into an int64 (Jaeger v1), or 4/16 raw bytes. */
  private static void setIp(Endpoint.Builder e, KeyValue tag) {
    switch (tag.type()) {
      case STRING:
        e.ip(tag.stringValue());
        break;
      case INT64:
        e.parseIp(new byte[] {
            (byte) (tag.longValue() >> 24), (byte) (tag.longValue() >> 16),
            (byte) (tag.longValue() >> 8), (byte) tag.longValue()});
        break;
      case BINARY:
        e.parseIp(tag.binaryValue());
        break;
      default:
        break;
    }
  }

  private static boolean isEmpty(Endpoint e) {
    return e.serviceName() == null && e.ipv4() == null && e.ipv6() == null && e.portAsInt() == 0;
  }

  /** A log with one {@code event} field is that text; otherwise a JSON object of its fields. */
  private static String annotationValue(Log log) {
    List<KeyValue> fields = log.fields();
    if (fields.size() == 1 && fields.get(0).key().equals(ZipkinToModel.EVENT)) {
      return fields.get(0).valueAsString();
    }
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      for (KeyValue field : fields) {
        g.writeStringField(field.key(), field.valueAsString());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static @Nullable KeyValue remove(List<KeyValue> tags, String key) {
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).key().equals(key)) {
        return tags.remove(i);
      }
    }
    return null;
  }
}
