package io.spoor.codec.otlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.spoor.codec.DecodeException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the OTLP/HTTP JSON encoding of {@code ExportTraceServiceRequest} (same shape as {@code
 * TracesData}) into the protobuf messages, streaming with jackson-core. It follows the OTLP JSON rules
 * rather than plain proto3 JSON: ids are hex, enums are integers (names accepted too), 64-bit integers
 * are strings or numbers, bytes are base64, field names are camelCase (snake_case accepted) and unknown
 * fields are skipped. Errors name the JSON path of the bad value.
 */
final class OtlpJsonReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
      .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
      .build();

  private final OtlpJsonCursor c;

  private OtlpJsonReader(JsonParser parser) {
    this.c = new OtlpJsonCursor(parser);
  }

  static ExportTraceServiceRequest read(InputStream in) {
    try (JsonParser parser = JSON.createParser(in)) {
      return new OtlpJsonReader(parser).readRequest();
    } catch (JsonProcessingException e) {
      throw new DecodeException("OTLP JSON: malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DecodeException("OTLP JSON: cannot read the body: " + e.getMessage(), e);
    }
  }

  static ExportTraceServiceRequest read(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      return new OtlpJsonReader(parser).readRequest();
    } catch (JsonProcessingException e) {
      throw new DecodeException("OTLP JSON: malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DecodeException("OTLP JSON: cannot read the body: " + e.getMessage(), e);
    }
  }

  private ExportTraceServiceRequest readRequest() throws IOException {
    ExportTraceServiceRequest.Builder b = ExportTraceServiceRequest.newBuilder();
    if (c.nextToken() == null) {
      throw c.fail("empty body (expected: a JSON object)");
    }
    c.readObject(name -> {
      if (name.equals("resourcespans")) {
        c.readArray(() -> b.addResourceSpans(readResourceSpans()));
        return true;
      }
      return false;
    });
    if (c.nextToken() != null) {
      throw c.fail("unexpected content after the top-level object");
    }
    return b.build();
  }

  private ResourceSpans readResourceSpans() throws IOException {
    ResourceSpans.Builder b = ResourceSpans.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "resource":
          b.setResource(readResource());
          return true;
        case "scopespans":
          c.readArray(() -> b.addScopeSpans(readScopeSpans()));
          return true;
        case "schemaurl":
          b.setSchemaUrl(c.readString());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Resource readResource() throws IOException {
    Resource.Builder b = Resource.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "attributes":
          c.readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(c.readUint32());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private ScopeSpans readScopeSpans() throws IOException {
    ScopeSpans.Builder b = ScopeSpans.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "scope":
          b.setScope(readScope());
          return true;
        case "spans":
          c.readArray(() -> b.addSpans(readSpan()));
          return true;
        case "schemaurl":
          b.setSchemaUrl(c.readString());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private InstrumentationScope readScope() throws IOException {
    InstrumentationScope.Builder b = InstrumentationScope.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "name":
          b.setName(c.readString());
          return true;
        case "version":
          b.setVersion(c.readString());
          return true;
        case "attributes":
          c.readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(c.readUint32());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Span readSpan() throws IOException {
    Span.Builder b = Span.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "traceid":
          b.setTraceId(c.readId(16));
          return true;
        case "spanid":
          b.setSpanId(c.readId(8));
          return true;
        case "parentspanid":
          b.setParentSpanId(c.readId(8));
          return true;
        case "tracestate":
          b.setTraceState(c.readString());
          return true;
        case "flags":
          b.setFlags(c.readUint32());
          return true;
        case "name":
          b.setName(c.readString());
          return true;
        case "kind":
          b.setKindValue(c.readEnum(OtlpJsonCursor::spanKindNumber, "a span kind"));
          return true;
        case "starttimeunixnano":
          b.setStartTimeUnixNano(c.readUint64());
          return true;
        case "endtimeunixnano":
          b.setEndTimeUnixNano(c.readUint64());
          return true;
        case "attributes":
          c.readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(c.readUint32());
          return true;
        case "events":
          c.readArray(() -> b.addEvents(readEvent()));
          return true;
        case "droppedeventscount":
          b.setDroppedEventsCount(c.readUint32());
          return true;
        case "links":
          c.readArray(() -> b.addLinks(readLink()));
          return true;
        case "droppedlinkscount":
          b.setDroppedLinksCount(c.readUint32());
          return true;
        case "status":
          b.setStatus(readStatus());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Span.Event readEvent() throws IOException {
    Span.Event.Builder b = Span.Event.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "timeunixnano":
          b.setTimeUnixNano(c.readUint64());
          return true;
        case "name":
          b.setName(c.readString());
          return true;
        case "attributes":
          c.readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(c.readUint32());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Span.Link readLink() throws IOException {
    Span.Link.Builder b = Span.Link.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "traceid":
          b.setTraceId(c.readId(16));
          return true;
        case "spanid":
          b.setSpanId(c.readId(8));
          return true;
        case "tracestate":
          b.setTraceState(c.readString());
          return true;
        case "attributes":
          c.readArray(() -> b.addAttributes(readKeyValue()));
          return true;
        case "droppedattributescount":
          b.setDroppedAttributesCount(c.readUint32());
          return true;
        case "flags":
          b.setFlags(c.readUint32());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private Status readStatus() throws IOException {
    Status.Builder b = Status.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "message":
          b.setMessage(c.readString());
          return true;
        case "code":
          b.setCodeValue(c.readEnum(OtlpJsonCursor::statusCodeNumber, "a status code"));
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private KeyValue readKeyValue() throws IOException {
    KeyValue.Builder b = KeyValue.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "key":
          b.setKey(c.readString());
          return true;
        case "value":
          b.setValue(readAnyValue());
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

  private AnyValue readAnyValue() throws IOException {
    AnyValue.Builder b = AnyValue.newBuilder();
    c.readObject(name -> {
      switch (name) {
        case "stringvalue":
          b.setStringValue(c.readString());
          return true;
        case "boolvalue":
          b.setBoolValue(c.readBool());
          return true;
        case "intvalue":
          b.setIntValue(c.readInt64());
          return true;
        case "doublevalue":
          b.setDoubleValue(c.readDouble());
          return true;
        case "bytesvalue":
          b.setBytesValue(c.readBase64());
          return true;
        case "arrayvalue":
          ArrayValue.Builder array = ArrayValue.newBuilder();
          c.readObject(inner -> {
            if (inner.equals("values")) {
              c.readArray(() -> array.addValues(readAnyValue()));
              return true;
            }
            return false;
          });
          b.setArrayValue(array);
          return true;
        case "kvlistvalue":
          KeyValueList.Builder list = KeyValueList.newBuilder();
          c.readObject(inner -> {
            if (inner.equals("values")) {
              c.readArray(() -> list.addValues(readKeyValue()));
              return true;
            }
            return false;
          });
          b.setKvlistValue(list);
          return true;
        default:
          return false;
      }
    });
    return b.build();
  }

}
