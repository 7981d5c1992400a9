package io.spoor.client;

import static java.util.Objects.requireNonNull;

import io.opentracing.ScopeManager;
import io.spoor.client.propagation.CompositePropagator;
import io.spoor.client.propagation.PropagationFormat;
import io.spoor.client.propagation.Propagator;
import io.spoor.client.reporter.RemoteReporter;
import io.spoor.client.reporter.Reporter;
import io.spoor.client.reporter.UdpSender;
import io.spoor.client.sampler.ProbabilisticSampler;
import io.spoor.client.sampler.RemoteSampler;
import io.spoor.client.sampler.Sampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Configures a {@link SpoorTracer}. Defaults: a probabilistic sampler at 1 in 1000, a {@link RemoteReporter}
 * over UDP to {@code localhost:6831}, Jaeger propagation, 64-bit trace ids, the system clock, thread-local
 * random ids, a {@link ThreadLocalScopeManager}, no metrics. Not thread-safe.
 *
 * <p>{@link #build()} calls {@code start()} on the reporter and the sampler (idempotent), so that a {@link
 * RemoteReporter} or {@link RemoteSampler} given to it is running in the tracer it returns.
 */
public final class SpoorTracerBuilder {
  final String serviceName;
  final Map<String, Object> processTags = new LinkedHashMap<>();
  @Nullable Sampler sampler;
  @Nullable Reporter reporter;
  ScopeManager scopeManager = new ThreadLocalScopeManager();
  Clock clock = Clock.SYSTEM;
  RandomGenerator random = () -> ThreadLocalRandom.current().nextLong();
  ClientMetrics metrics = ClientMetrics.NONE;
  boolean traceId128Bit;
  List<PropagationFormat> propagation = List.of(PropagationFormat.JAEGER);

  SpoorTracerBuilder(String serviceName) {
    requireNonNull(serviceName, "serviceName");
    if (serviceName.isBlank()) {
      throw new IllegalArgumentException("service name: '" + serviceName + "' (expected: not blank)");
    }
    this.serviceName = serviceName;
  }

  /** The sampler for new traces. */
  public SpoorTracerBuilder sampler(Sampler sampler) {
    this.sampler = requireNonNull(sampler, "sampler");
    return this;
  }

  /** The reporter for sampled spans. */
  public SpoorTracerBuilder reporter(Reporter reporter) {
    this.reporter = requireNonNull(reporter, "reporter");
    return this;
  }

  /** The scope manager. */
  public SpoorTracerBuilder scopeManager(ScopeManager scopeManager) {
    this.scopeManager = requireNonNull(scopeManager, "scopeManager");
    return this;
  }

  /** The clock for start times, durations and log timestamps. */
  public SpoorTracerBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /** The random source for trace and span ids; must be safe to call from any thread. */
  public SpoorTracerBuilder random(RandomGenerator random) {
    this.random = requireNonNull(random, "random");
    return this;
  }

  /** Where the tracer counts spans and sampler updates. */
  public SpoorTracerBuilder metrics(ClientMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics");
    return this;
  }

  /** Generates 128-bit trace ids for new traces (64-bit by default). */
  public SpoorTracerBuilder traceId128Bit() {
    this.traceId128Bit = true;
    return this;
  }

  /** Adds a process tag (String, Boolean or Number), reported with every batch. */
  public SpoorTracerBuilder processTag(String key, Object value) {
    requireNonNull(key, "key");
    requireNonNull(value, "value");
    processTags.put(key, value);
    return this;
  }

  /**
   * The propagation formats, in order: inject writes all, extract takes the first with a trace.
   *
   * @throws IllegalArgumentException when the list is empty
   */
  public SpoorTracerBuilder propagation(List<PropagationFormat> formats) {
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("propagation: [] (expected: at least one format)");
    }
    this.propagation = List.copyOf(formats);
    return this;
  }

  /** Builds the tracer and starts its reporter and sampler. */
  public SpoorTracer build() {
    Sampler s = sampler != null ? sampler : new ProbabilisticSampler(ProbabilisticSampler.DEFAULT_RATE);
    Reporter r = reporter;
    if (r == null) {
      r = new RemoteReporter(new UdpSender("localhost", UdpSender.DEFAULT_PORT, metrics),
          RemoteReporter.DEFAULT_MAX_QUEUE_SIZE, RemoteReporter.DEFAULT_FLUSH_INTERVAL, metrics);
    }
    List<Propagator> textMap = new ArrayList<>();
    List<Propagator> http = new ArrayList<>();
    for (PropagationFormat f : propagation) {
      textMap.add(f.textMapPropagator());
      http.add(f.httpHeadersPropagator());
    }
    SpoorTracer tracer = new SpoorTracer(this, s, r, one(textMap), one(http));
    r.start();
    s.start();
    return tracer;
  }

  private static Propagator one(List<Propagator> list) {
    return list.size() == 1 ? list.get(0) : new CompositePropagator(list);
  }
}
