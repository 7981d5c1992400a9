package io.spoor.bench.load;

import io.jaegertracing.thriftjava.Batch;
import io.jaegertracing.thriftjava.Log;
import io.jaegertracing.thriftjava.Process;
import io.jaegertracing.thriftjava.Span;
import io.jaegertracing.thriftjava.Tag;
import io.jaegertracing.thriftjava.TagType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TBinaryProtocol;

/**
 * Encodes a batch as Jaeger Thrift {@link Batch}es in the binary protocol, the body of
 * {@code POST /api/traces} ({@code application/x-thrift}). A Jaeger batch has exactly one process, so the
 * spans are split by service into one body each, as each service's Jaeger client would send them.
 */
final class JaegerThriftEncoder implements BatchEncoder {

  @Override
  public List<EncodedBody> encode(List<SyntheticSpan> batch) {
    Map<String, List<SyntheticSpan>> byService = new LinkedHashMap<>();
    batch.forEach(span -> byService.computeIfAbsent(span.service(), service -> new ArrayList<>()).add(span));
    List<EncodedBody> bodies = new ArrayList<>(byService.size());
    byService.forEach((service, spans) -> bodies.add(EncodedBody.of(serialize(toBatch(service, spans)), spans)));
    return bodies;
  }

  static Batch toBatch(String service, List<SyntheticSpan> spans) {
    Process process = new Process(service).setTags(List.of(
        tag(new SyntheticTag("hostname", service + "-7f9c")),
        tag(new SyntheticTag("jaeger.version", "Java-1.8.1")),
        tag(new SyntheticTag("ip", "10.0.0.7"))));
    return new Batch(process, spans.stream().map(JaegerThriftEncoder::toSpan).toList());
  }

  private static Span toSpan(SyntheticSpan span) {
    Span thrift = new Span(span.traceIdLow(), span.traceIdHigh(), span.spanId(), span.parentId(),
        span.operation(), 1, span.startMicros(), span.durationMicros());
    List<Tag> tags = new ArrayList<>(span.tags().size() + 1);
    tags.add(tag(new SyntheticTag("span.kind", span.kind().name().toLowerCase(java.util.Locale.ROOT))));
    span.tags().forEach(tag -> tags.add(tag(tag)));
    thrift.setTags(tags);
    if (!span.events().isEmpty()) {
      thrift.setLogs(span.events().stream().map(event -> {
        List<Tag> fields = new ArrayList<>();
        fields.add(tag(new SyntheticTag("event", event.name())));
        event.attributes().forEach(attribute -> fields.add(tag(attribute)));
        return new Log(event.timestampMicros(), fields);
      }).toList());
    }
    return thrift;
  }

  private static Tag tag(SyntheticTag tag) {
    Object raw = tag.value();
    if (raw instanceof String text) {
      return new Tag(tag.key(), TagType.STRING).setVStr(text);
    }
    if (raw instanceof Long number) {
      return new Tag(tag.key(), TagType.LONG).setVLong(number);
    }
    if (raw instanceof Double number) {
      return new Tag(tag.key(), TagType.DOUBLE).setVDouble(number);
    }
    return new Tag(tag.key(), TagType.BOOL).setVBool((Boolean) raw);
  }

  private static byte[] serialize(Batch batch) {
    try {
      return new TSerializer(new TBinaryProtocol.Factory()).serialize(batch);
    } catch (TException e) {
      throw new IllegalStateException("cannot serialize a Jaeger batch of " + batch.getSpansSize() + " spans", e);
    }
  }
}
