package io.spoor.collector.sampling;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.spoor.proto.api_v2.Sampling.OperationSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.PerOperationSamplingStrategies;
import io.spoor.proto.api_v2.Sampling.ProbabilisticSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.RateLimitingSamplingStrategy;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jaeger's sampling strategies file, read into {@link SamplingStrategies} the way Jaeger's file
 * provider combines it:
 *
 * <ul>
 *   <li>{@code probabilistic} takes {@code param} as the rate (0 to 1), {@code ratelimiting} as traces
 *       per second (truncated to an int); any other or no {@code type} gives probabilistic at the
 *       default probability, with a warning;
 *   <li>per-operation entries must be probabilistic; {@code ratelimiting} ones are dropped, with a
 *       warning;
 *   <li>a strategy with operation entries answers {@code operationSampling} whose {@code
 *       defaultSamplingProbability} is its own rate when probabilistic, else the default probability;
 *   <li>a service without operation entries inherits the default strategy's (with its own rate as
 *       the default probability when probabilistic); a service with its own gets the default
 *       strategy's entries for the operations it does not name appended;
 *   <li>{@code default_lower_bound_traces_per_second} (top level, a Spoor addition) fills {@code
 *       defaultLowerBoundTracesPerSecond} of every {@code operationSampling}; Jaeger leaves it 0.
 * </ul>
 *
 * Unknown fields are ignored, as Go's JSON decoder does. Malformed JSON, a wrong value type or an
 * out-of-range {@code param} fails with the line and the reason.
 */
final class StrategiesFile {
  private static final Logger logger = LoggerFactory.getLogger(StrategiesFile.class);
  private static final String PROBABILISTIC = "probabilistic";
  private static final String RATE_LIMITING = "ratelimiting";

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final double defaultProbability;

  private StrategiesFile(double defaultProbability) {
    this.defaultProbability = defaultProbability;
  }

  /**
   * @param source names the file in error messages
   * @throws IllegalArgumentException {@code "<source>: line 3, column 14: <reason>"}
   */
  static SamplingStrategies parse(byte[] json, String source, double defaultProbability) {
    FileJson file;
    try {
      file = MAPPER.readValue(json, FileJson.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": " + describe(e), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    if (file == null) {
      throw new IllegalArgumentException(source + ": line 1: null (expected: a JSON object)");
    }
    return new StrategiesFile(defaultProbability).combine(file);
  }

  private static String describe(JsonProcessingException e) {
    StringBuilder out = new StringBuilder();
    JsonLocation at = e.getLocation();
    if (at != null && at.getLineNr() > 0) {
      out.append("line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(": ");
    }
    if (e instanceof JsonMappingException) {
      String path = path((JsonMappingException) e);
      if (!path.isEmpty()) {
        out.append(path).append(": ");
      }
    }
    Throwable cause = e.getCause();
    String reason = cause instanceof IllegalArgumentException ? cause.getMessage() : e.getOriginalMessage();
    return out.append(reason).toString();
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private SamplingStrategies combine(FileJson file) {
    SamplingStrategyResponse defaultStrategy = file.defaultStrategy() == null
        ? SamplingStrategies.probabilisticResponse(defaultProbability)
        : service(file.defaultStrategy(), file.defaultLowerBoundTracesPerSecond());
    Map<String, SamplingStrategyResponse> services = new LinkedHashMap<>();
    for (StrategyJson s : file.serviceStrategies()) {
      SamplingStrategyResponse own = service(s, file.defaultLowerBoundTracesPerSecond());
      services.put(s.service() == null ? "" : s.service(), inherit(own, s, defaultStrategy));
    }
    return new SamplingStrategies(defaultStrategy, services);
  }

  /** Adds the default strategy's operation entries, as Jaeger does. */
  private static SamplingStrategyResponse inherit(
      SamplingStrategyResponse own, StrategyJson json, SamplingStrategyResponse defaults) {
    if (!defaults.hasOperationSampling()) {
      return own;
    }
    PerOperationSamplingStrategies inherited = defaults.getOperationSampling();
    if (json.operationStrategies().isEmpty()) {
      PerOperationSamplingStrategies.Builder ops = inherited.toBuilder();
      if (own.hasProbabilisticSampling()) {
        ops.setDefaultSamplingProbability(own.getProbabilisticSampling().getSamplingRate());
      }
      return own.toBuilder().setOperationSampling(ops).build();
    }
    PerOperationSamplingStrategies.Builder ops = own.getOperationSampling().toBuilder();
    Set<String> named = new HashSet<>();
    ops.getPerOperationStrategiesList().forEach(o -> named.add(o.getOperation()));
    for (OperationSamplingStrategy o : inherited.getPerOperationStrategiesList()) {
      if (named.add(o.getOperation())) {
        ops.addPerOperationStrategies(o);
      }
    }
    return own.toBuilder().setOperationSampling(ops).build();
  }

  private SamplingStrategyResponse service(StrategyJson json, double lowerBound) {
    SamplingStrategyResponse strategy = strategy(json.type(), json.param(), json.service());
    if (json.operationStrategies().isEmpty()) {
      return strategy;
    }
    PerOperationSamplingStrategies.Builder ops = PerOperationSamplingStrategies.newBuilder()
        .setDefaultSamplingProbability(strategy.hasProbabilisticSampling()
            ? strategy.getProbabilisticSampling().getSamplingRate() : defaultProbability)
        .setDefaultLowerBoundTracesPerSecond(lowerBound);
    for (OperationJson op : json.operationStrategies()) {
      SamplingStrategyResponse s = strategy(op.type(), op.param(), json.service());
      if (s.getStrategyType() == SamplingStrategyType.RATE_LIMITING) {
        logger.warn("Sampling strategies: operation {} of {}: ratelimiting dropped "
            + "(per-operation strategies are probabilistic only)", op.operation(), serviceName(json.service()));
        continue;
      }
      ops.addPerOperationStrategies(OperationSamplingStrategy.newBuilder()
          .setOperation(op.operation() == null ? "" : op.operation())
          .setProbabilisticSampling(s.getProbabilisticSampling()));
    }
    return strategy.toBuilder().setOperationSampling(ops).build();
  }

  private SamplingStrategyResponse strategy(@Nullable String type, double param, @Nullable String service) {
    if (PROBABILISTIC.equals(type)) {
      return SamplingStrategies.probabilisticResponse(param);
    }
    if (RATE_LIMITING.equals(type)) {
      return SamplingStrategyResponse.newBuilder()
          .setStrategyType(SamplingStrategyType.RATE_LIMITING)
          .setRateLimitingSampling(RateLimitingSamplingStrategy.newBuilder().setMaxTracesPerSecond((int) param))
          .build();
    }
    logger.warn("Sampling strategies: {}: type {} (expected: probabilistic or ratelimiting); "
        + "using probabilistic {}", serviceName(service), type, defaultProbability);
    return SamplingStrategies.probabilisticResponse(defaultProbability);
  }

  private static String serviceName(@Nullable String service) {
    return service == null ? "default_strategy" : "service " + service;
  }

  static void checkParam(@Nullable String type, double param) {
    if (PROBABILISTIC.equals(type) && !(param >= 0 && param <= 1)) {
      throw new IllegalArgumentException("param: " + param + " (expected: a probability from 0 to 1)");
    }
    if (RATE_LIMITING.equals(type) && !(param >= 0 && param <= Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "param: " + param + " (expected: traces per second from 0 to " + Integer.MAX_VALUE + ")");
    }
  }

  record FileJson(
      @Nullable StrategyJson defaultStrategy,
      @Nullable List<StrategyJson> serviceStrategies,
      double defaultLowerBoundTracesPerSecond) {
    FileJson {
      serviceStrategies = serviceStrategies == null ? List.of() : nonNull(serviceStrategies, "service_strategies");
      if (!(defaultLowerBoundTracesPerSecond >= 0)) {
        throw new IllegalArgumentException("default_lower_bound_traces_per_second: "
            + defaultLowerBoundTracesPerSecond + " (expected: >= 0)");
      }
    }
  }

  record StrategyJson(
      @Nullable String service, @Nullable String type, double param,
      @Nullable List<OperationJson> operationStrategies) {
    StrategyJson {
      checkParam(type, param);
      operationStrategies = operationStrategies == null
          ? List.of() : nonNull(operationStrategies, "operation_strategies");
    }
  }

  record OperationJson(@Nullable String operation, @Nullable String type, double param) {
    OperationJson {
      checkParam(type, param);
    }
  }

  private static <T> List<T> nonNull(List<@Nullable T> list, String field) {
    List<T> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      T item = list.get(i);
      if (item == null) {
        throw new IllegalArgumentException(field + "[" + i + "]: null (expected: an object)");
      }
      out.add(item);
    }
    return List.copyOf(out);
  }
}
