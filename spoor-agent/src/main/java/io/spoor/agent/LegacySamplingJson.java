package io.spoor.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.spoor.proto.api_v2.Sampling.OperationSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.PerOperationSamplingStrategies;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * A strategy in the shape the v1 agent's legacy {@code GET /?service=} answered: Go's JSON of the
 * Thrift struct. The enum is a number, required fields are always written, absent optional structs
 * are left out, and numbers print as Go prints them ({@code 1}, not {@code 1.0}). Old clients such as
 * jaeger-client-java poll this path.
 */
final class LegacySamplingJson {
  private static final JsonFactory JSON = new JsonFactory();

  private LegacySamplingJson() {}

  static String write(SamplingStrategyResponse s) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeNumberField("strategyType", s.getStrategyTypeValue());
      if (s.hasProbabilisticSampling()) {
        g.writeObjectFieldStart("probabilisticSampling");
        number(g, "samplingRate", s.getProbabilisticSampling().getSamplingRate());
        g.writeEndObject();
      }
      if (s.hasRateLimitingSampling()) {
        g.writeObjectFieldStart("rateLimitingSampling");
        g.writeNumberField("maxTracesPerSecond", s.getRateLimitingSampling().getMaxTracesPerSecond());
        g.writeEndObject();
      }
      if (s.hasOperationSampling()) {
        operations(g, s.getOperationSampling());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void operations(JsonGenerator g, PerOperationSamplingStrategies ops) throws IOException {
    g.writeObjectFieldStart("operationSampling");
    number(g, "defaultSamplingProbability", ops.getDefaultSamplingProbability());
    number(g, "defaultLowerBoundTracesPerSecond", ops.getDefaultLowerBoundTracesPerSecond());
    g.writeArrayFieldStart("perOperationStrategies");
    for (OperationSamplingStrategy op : ops.getPerOperationStrategiesList()) {
      g.writeStartObject();
      g.writeStringField("operation", op.getOperation());
      g.writeObjectFieldStart("probabilisticSampling");
      number(g, "samplingRate", op.getProbabilisticSampling().getSamplingRate());
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    if (ops.getDefaultUpperBoundTracesPerSecond() != 0) {
      number(g, "defaultUpperBoundTracesPerSecond", ops.getDefaultUpperBoundTracesPerSecond());
    }
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String field, double value) throws IOException {
    g.writeFieldName(field);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      g.writeNumber(0);
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      g.writeNumber((long) value);
    } else {
      g.writeNumber(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString());
    }
  }
}
