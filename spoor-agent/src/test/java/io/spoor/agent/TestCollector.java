package io.spoor.agent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.spoor.collector.Collector;
import io.spoor.collector.CollectorConfig;
import io.spoor.collector.CollectorConfig.Endpoint;
import io.spoor.collector.HostPort;
import io.spoor.collector.pipeline.PipelineConfig;
import io.spoor.collector.sampling.SamplingConfig;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A real collector writing to the memory storage, on 127.0.0.1. */
final class TestCollector implements AutoCloseable {
  final Storage storage;
  final Collector collector;

  TestCollector(int grpcPort, SamplingConfig sampling) {
    storage = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    storage.start();
    CollectorConfig config = new CollectorConfig(Map.of(Endpoint.JAEGER_GRPC, new HostPort("127.0.0.1", grpcPort)),
        CollectorConfig.DEFAULT_MAX_REQUEST_BYTES, CollectorConfig.DEFAULT_MAX_TAG_VALUE_LENGTH,
        new PipelineConfig(2000, 64L << 20, 2, Duration.ofSeconds(5))).withSampling(sampling);
    collector = new Collector(config, storage.spanWriter(), new SimpleMeterRegistry());
    try {
      collector.start();
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  int grpcPort() {
    return collector.port(Endpoint.JAEGER_GRPC);
  }

  Optional<Trace> trace(TraceId id) {
    return storage.spanReader().getTrace(id);
  }

  @Override
  public void close() {
    collector.close();
    storage.close();
  }
}
