package io.spoor.collector.receiver;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.spoor.codec.otlp.OtlpCodec;
import io.spoor.codec.otlp.OtlpDecodeResult;
import io.spoor.collector.pipeline.SpanProcessor;
import java.io.StringWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * OTLP/HTTP {@code POST /v1/traces} on 4318, protobuf or JSON. Answers 200 with an
 * {@code ExportTraceServiceResponse} in the request's encoding; spans with bad ids are left out and
 * reported as partial success ({@code rejectedSpans}, {@code errorMessage}), as the OTLP spec asks.
 */
public final class OtlpHttpReceiver {
  public static final String PATH = "/v1/traces";

  private static final JsonFactory JSON = new JsonFactory();

  private OtlpHttpReceiver() {}

  public static HttpSpanReceiver create(SpanProcessor processor) {
    return HttpSpanReceiver.builder(processor, "otlp")
        .accept("application/x-protobuf", body -> protobufAnswer(OtlpCodec.decodeProtobuf(body)))
        .accept("application/protobuf", body -> protobufAnswer(OtlpCodec.decodeProtobuf(body)))
        .accept("application/json", body -> jsonAnswer(OtlpCodec.decodeJson(body)))
        .build();
  }

  static ExportTraceServiceResponse response(OtlpDecodeResult result) {
    if (result.isComplete()) {
      return ExportTraceServiceResponse.getDefaultInstance();
    }
    return ExportTraceServiceResponse.newBuilder()
        .setPartialSuccess(ExportTracePartialSuccess.newBuilder()
            .setRejectedSpans(result.rejectedSpans())
            .setErrorMessage(result.errorMessage()))
        .build();
  }

  private static SpanBodyDecoder.Decoded protobufAnswer(OtlpDecodeResult result) {
    byte[] bytes = response(result).toByteArray();
    return new SpanBodyDecoder.Decoded(result.spans(),
        () -> HttpResponse.of(HttpStatus.OK, MediaType.PROTOBUF, bytes));
  }

  private static SpanBodyDecoder.Decoded jsonAnswer(OtlpDecodeResult result) {
    String json = json(result);
    return new SpanBodyDecoder.Decoded(result.spans(),
        () -> HttpResponse.of(HttpStatus.OK, MediaType.JSON, json));
  }

  /** The OTLP/JSON form of the response: {@code {}} or {@code {"partialSuccess":{...}}}. */
  static String json(OtlpDecodeResult result) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      if (!result.isComplete()) {
        g.writeObjectFieldStart("partialSuccess");
        g.writeStringField("rejectedSpans", Long.toString(result.rejectedSpans()));
        g.writeStringField("errorMessage", result.errorMessage());
        g.writeEndObject();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
