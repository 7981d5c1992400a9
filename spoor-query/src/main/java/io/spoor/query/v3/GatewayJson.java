package io.spoor.query.v3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.linecorp.armeria.common.HttpStatus;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.spoor.codec.otlp.OtlpCodec;
import io.spoor.model.DependencyLink;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.storage.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON bodies of api_v3 over HTTP, in the proto3 JSON mapping grpc-gateway uses: lowerCamelCase
 * names, 64-bit integers as strings, traces as OTLP/JSON (hex ids, enums as integers).
 */
final class GatewayJson {
  private static final JsonFactory JSON = new JsonFactory();

  /** Writes one JSON value with a generator. */
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private GatewayJson() {}

  private static byte[] render(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * grpc-gateway's error object: {@code {"error":{"grpcCode":3,"httpCode":400,"message":"...",
   * "httpStatus":"Bad Request"}}}.
   */
  static byte[] error(HttpStatus status, int grpcCode, String message) {
    return render(g -> {
      g.writeStartObject();
      g.writeObjectFieldStart("error");
      g.writeNumberField("grpcCode", grpcCode);
      g.writeNumberField("httpCode", status.code());
      g.writeStringField("message", message);
      g.writeStringField("httpStatus", status.reasonPhrase());
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /**
   * {@code {"result": TracesData}}: the resource spans of every trace, trace after trace, as
   * grpc-gateway merges the chunks of the GetTrace / FindTraces stream.
   */
  static byte[] result(List<Trace> traces) {
    List<ResourceSpans> all = new ArrayList<>();
    for (Trace trace : traces) {
      all.addAll(OtlpCodec.encode(trace.spans()).getResourceSpansList());
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "{\"result\":");
    OtlpCodec.writeJson(all, out);
    write(out, "}");
    return out.toByteArray();
  }

  private static void write(OutputStream out, String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] services(List<String> services) {
    return render(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("services");
      for (String s : services) {
        g.writeString(s);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /**
   * {@code {"operations":[{"name","spanKind"}]}}; an operation of no known kind is reported as
   * {@code internal}, as Jaeger's gateway does.
   */
  static byte[] operations(List<Operation> operations) {
    return render(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("operations");
      for (Operation op : operations) {
        g.writeStartObject();
        g.writeStringField("name", op.name());
        SpanKind kind = op.kind() == SpanKind.UNSPECIFIED ? SpanKind.INTERNAL : op.kind();
        g.writeStringField("spanKind", kind.tagValue());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** {@code {"dependencies":[{"parent","child","callCount"}]}}, callCount a uint64 in a string. */
  static byte[] dependencies(List<DependencyLink> links) {
    return render(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("dependencies");
      for (DependencyLink link : links) {
        g.writeStartObject();
        g.writeStringField("parent", link.parent());
        g.writeStringField("child", link.child());
        g.writeStringField("callCount", Long.toUnsignedString(link.callCount()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** {@code {"summaries":[...]}}, times as decimal strings of epoch nanoseconds. */
  static byte[] summaries(List<TraceSummary> summaries) {
    return render(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("summaries");
      for (TraceSummary s : summaries) {
        g.writeStartObject();
        g.writeStringField("traceId", s.traceId().toHex128());
        g.writeStringField("rootServiceName", s.rootServiceName());
        g.writeStringField("rootOperationName", s.rootOperationName());
        if (s.minStartTimeNanos() > 0) {
          g.writeStringField("minStartTimeUnixNano", Long.toString(s.minStartTimeNanos()));
        }
        if (s.maxEndTimeNanos() > 0) {
          g.writeStringField("maxEndTimeUnixNano", Long.toString(s.maxEndTimeNanos()));
        }
        g.writeNumberField("spanCount", s.spanCount());
        g.writeNumberField("errorSpanCount", s.errorSpanCount());
        g.writeNumberField("orphanSpanCount", s.orphanSpanCount());
        g.writeArrayFieldStart("services");
        for (TraceSummary.ServiceSummary service : s.services()) {
          g.writeStartObject();
          g.writeStringField("name", service.name());
          g.writeNumberField("spanCount", service.spanCount());
          g.writeNumberField("errorSpanCount", service.errorSpanCount());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }
}
