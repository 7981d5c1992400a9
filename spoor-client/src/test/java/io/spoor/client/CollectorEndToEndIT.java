package io.spoor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentracing.References;
import io.opentracing.Scope;
import io.opentracing.Span;
import io.spoor.collector.Collector;
import io.spoor.collector.CollectorConfig;
import io.spoor.collector.CollectorConfig.Endpoint;
import io.spoor.collector.HostPort;
import io.spoor.collector.pipeline.PipelineConfig;
import io.spoor.model.KeyValue;
import io.spoor.model.RefType;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SpoorTracer.fromEnv with JAEGER_ENDPOINT posts to a real Spoor collector; the stored spans are checked. */
class CollectorEndToEndIT {
  static Storage storage;
  static Collector collector;

  @BeforeAll
  static void start() {
    storage = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    storage.start();
    Map<Endpoint, HostPort> endpoints = new EnumMap<>(Endpoint.class);
    for (Endpoint e : Endpoint.values()) {
      endpoints.put(e, new HostPort("127.0.0.1", 0));
    }
    collector = new Collector(new CollectorConfig(endpoints, CollectorConfig.DEFAULT_MAX_REQUEST_BYTES,
        CollectorConfig.DEFAULT_MAX_TAG_VALUE_LENGTH, PipelineConfig.DEFAULTS), storage.spanWriter(),
        new SimpleMeterRegistry());
    collector.start();
  }

  @AfterAll
  static void stop() {
    collector.close();
    storage.close();
  }

  @Test
  void spansArriveInStorageWithTheirFields() {
    String endpoint = "http://127.0.0.1:" + collector.port(Endpoint.JAEGER_HTTP) + "/api/traces";
    SpoorTracer tracer = SpoorTracer.fromEnv(Map.of("JAEGER_SERVICE_NAME", "e2e-shop",
        "JAEGER_ENDPOINT", endpoint, "JAEGER_SAMPLER_TYPE", "const", "JAEGER_SAMPLER_PARAM", "1",
        "JAEGER_TAGS", "region=eu", "JAEGER_TRACEID_128BIT", "true"));
    SpoorSpan root = (SpoorSpan) tracer.buildSpan("GET /checkout").withTag("http.status_code", 500)
        .withTag("error", true).withStartTimestamp(1_700_000_000_000_000L).start();
    SpoorSpan child;
    try (Scope scope = tracer.activateSpan(root)) {
      assertThat(scope).isNotNull();
      child = (SpoorSpan) tracer.buildSpan("SELECT orders").withTag("db.rows", 2.5)
          .withStartTimestamp(1_700_000_000_100_000L).start();
      child.log(1_700_000_000_150_000L, Map.of("event", "slow"));
      child.finish(1_700_000_000_400_000L);
    }
    Span follower = tracer.buildSpan("audit").addReference(References.FOLLOWS_FROM, root.context())
        .withStartTimestamp(1_700_000_000_500_000L).start();
    follower.finish(1_700_000_000_600_000L);
    root.finish(1_700_000_001_000_000L);
    tracer.close();

    TraceId traceId = TraceId.of(root.context().traceIdHigh(), root.context().traceIdLow());
    assertThat(traceId.high()).isNotZero();
    await().atMost(Duration.ofSeconds(10))
        .until(() -> storage.spanReader().getTrace(traceId).map(t -> t.spans().size()).orElse(0) == 3);
    Trace trace = storage.spanReader().getTrace(traceId).orElseThrow();
    io.spoor.model.Span storedRoot = byName(trace, "GET /checkout");
    assertThat(storedRoot.spanId()).isEqualTo(SpanId.of(root.context().spanId()));
    assertThat(storedRoot.parentSpanId()).isEqualTo(SpanId.ZERO);
    assertThat(storedRoot.startTimeMicros()).isEqualTo(1_700_000_000_000_000L);
    assertThat(storedRoot.durationMicros()).isEqualTo(1_000_000L);
    assertThat(storedRoot.serviceName()).isEqualTo("e2e-shop");
    assertThat(storedRoot.process().tags()).contains(KeyValue.of("region", "eu"));
    assertThat(storedRoot.findTag("sampler.type").stringValue()).isEqualTo("const");
    assertThat(storedRoot.findTag("sampler.param").boolValue()).isTrue();
    assertThat(storedRoot.findTag("http.status_code").longValue()).isEqualTo(500);
    assertThat(storedRoot.findTag("error").boolValue()).isTrue();
    assertThat(storedRoot.isSampled()).isTrue();

    io.spoor.model.Span storedChild = byName(trace, "SELECT orders");
    assertThat(storedChild.parentSpanId()).isEqualTo(storedRoot.spanId());
    assertThat(storedChild.durationMicros()).isEqualTo(300_000L);
    assertThat(storedChild.findTag("db.rows").doubleValue()).isEqualTo(2.5);
    assertThat(storedChild.logs()).hasSize(1);
    assertThat(storedChild.logs().get(0).timestampNanos()).isEqualTo(1_700_000_000_150_000_000L);
    assertThat(storedChild.logs().get(0).fields()).containsExactly(KeyValue.of("event", "slow"));

    io.spoor.model.Span storedFollower = byName(trace, "audit");
    assertThat(storedFollower.references()).contains(
        new SpanRef(RefType.FOLLOWS_FROM, traceId, storedRoot.spanId()));
  }

  private static io.spoor.model.Span byName(Trace trace, String name) {
    return trace.spans().stream().filter(s -> s.operationName().equals(name)).findFirst().orElseThrow();
  }
}
