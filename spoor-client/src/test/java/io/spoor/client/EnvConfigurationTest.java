package io.spoor.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentracing.propagation.Format;
import io.opentracing.propagation.TextMapAdapter;
import io.spoor.client.reporter.CompositeReporter;
import io.spoor.client.reporter.RemoteReporter;
import io.spoor.client.sampler.ConstSampler;
import io.spoor.client.sampler.ProbabilisticSampler;
import io.spoor.client.sampler.RateLimitingSampler;
import io.spoor.client.sampler.RemoteSampler;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvConfigurationTest {
  private static SpoorTracer tracer(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("JAEGER_SERVICE_NAME", "orders");
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return SpoorTracer.fromEnv(env);
  }

  @Test
  void defaultsAreProbabilisticAtOneInAThousandOverUdp() {
    SpoorTracer tracer = tracer();
    try {
      assertThat(tracer.serviceName()).isEqualTo("orders");
      assertThat(tracer.sampler()).isInstanceOf(ProbabilisticSampler.class);
      assertThat(((ProbabilisticSampler) tracer.sampler()).rate()).isEqualTo(0.001);
      assertThat(tracer.reporter()).isInstanceOf(RemoteReporter.class);
      assertThat(tracer.reporter().toString()).contains("UdpSender(localhost:6831)");
      assertThat(tracer.processTags()).containsEntry("spoor.version", "Java-0.1.0").containsKey("hostname");
    } finally {
      tracer.close();
    }
  }

  @Test
  void everyVariableIsApplied() {
    SpoorTracer tracer = tracer("JAEGER_SAMPLER_TYPE", "ratelimiting", "JAEGER_SAMPLER_PARAM", "5",
        "JAEGER_ENDPOINT", "http://127.0.0.1:14268/api/traces", "JAEGER_AUTH_TOKEN", "t",
        "JAEGER_TAGS", "region=eu, zone=${ZONE:z1}, pod=${POD}", "POD", "pod-7",
        "JAEGER_PROPAGATION", "b3,w3c", "JAEGER_TRACEID_128BIT", "true",
        "JAEGER_REPORTER_MAX_QUEUE_SIZE", "10", "JAEGER_REPORTER_FLUSH_INTERVAL", "200",
        "JAEGER_REPORTER_LOG_SPANS", "true");
    try {
      assertThat(((RateLimitingSampler) tracer.sampler()).maxTracesPerSecond()).isEqualTo(5);
      assertThat(tracer.reporter()).isInstanceOf(CompositeReporter.class);
      assertThat(tracer.processTags()).containsEntry("region", "eu").containsEntry("zone", "z1")
          .containsEntry("pod", "pod-7");
      SpoorSpanContext c = (SpoorSpanContext) tracer.buildSpan("x").start().context();
      assertThat(c.traceIdHigh()).isNotZero();
      Map<String, String> headers = new LinkedHashMap<>();
      tracer.inject(c, Format.Builtin.HTTP_HEADERS, new TextMapAdapter(headers));
      assertThat(headers).containsKeys("X-B3-TraceId", "traceparent").doesNotContainKey("uber-trace-id");
    } finally {
      tracer.close();
    }
  }

  @Test
  void remoteSamplerEndpointsAndConst() {
    SpoorTracer remote = tracer("JAEGER_SAMPLER_TYPE", "remote", "JAEGER_SAMPLER_MANAGER_HOST_PORT", "agent:5779",
        "JAEGER_SAMPLER_PARAM", "0.5");
    try {
      assertThat(remote.sampler()).isInstanceOf(RemoteSampler.class);
      assertThat(remote.sampler().toString()).contains("http://agent:5779/sampling?service=orders")
          .contains("ProbabilisticSampler(0.5)");
    } finally {
      remote.close();
    }
    SpoorTracer endpoint = tracer("JAEGER_SAMPLER_TYPE", "remote",
        "JAEGER_SAMPLING_ENDPOINT", "http://127.0.0.1:1/s", "JAEGER_SAMPLER_MANAGER_HOST_PORT", "ignored:1");
    try {
      assertThat(endpoint.sampler().toString()).contains("http://127.0.0.1:1/s?service=orders");
    } finally {
      endpoint.close();
    }
    SpoorTracer constant = tracer("JAEGER_SAMPLER_TYPE", "const", "JAEGER_SAMPLER_PARAM", "0");
    try {
      assertThat(constant.sampler()).isInstanceOf(ConstSampler.class);
      assertThat(constant.sampler().sample("x", 0, 1).sampled()).isFalse();
    } finally {
      constant.close();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "JAEGER_SAMPLER_TYPE|adaptive|JAEGER_SAMPLER_TYPE: adaptive (expected: const, probabilistic, ratelimiting or remote)",
      "JAEGER_SAMPLER_PARAM|lots|JAEGER_SAMPLER_PARAM: lots (expected: a number)",
      "JAEGER_SAMPLER_PARAM|2|JAEGER_SAMPLER_PARAM: 2 (expected: a probability from 0 to 1)",
      "JAEGER_AGENT_PORT|70000|JAEGER_AGENT_PORT: 70000 (expected: an integer from 1 to 65535)",
      "JAEGER_ENDPOINT|collector:14268|JAEGER_ENDPOINT: collector:14268 (expected: an http or https URL)",
      "JAEGER_TAGS|novalue|JAEGER_TAGS: 'novalue' (expected: key=value, comma-separated)",
      "JAEGER_PROPAGATION|jaeger,xray|JAEGER_PROPAGATION: jaeger,xray (propagation: xray (expected: jaeger, b3, b3single, w3c or baggage))",
      "JAEGER_TRACEID_128BIT|yes|JAEGER_TRACEID_128BIT: yes (expected: true or false)",
      "JAEGER_REPORTER_MAX_QUEUE_SIZE|0|JAEGER_REPORTER_MAX_QUEUE_SIZE: 0 (expected: an integer from 1 to 2147483645)",
      "JAEGER_REPORTER_FLUSH_INTERVAL|1s|JAEGER_REPORTER_FLUSH_INTERVAL: 1s (expected: an integer from 1 to 2147483647)",
  })
  void badValuesNameTheVariable(String name, String value, String message) {
    assertThatThrownBy(() -> tracer(name, value)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void missingServiceNameAndBadSamplerHostPort() {
    assertThatThrownBy(() -> SpoorTracer.fromEnv(Map.of()))
        .hasMessage("JAEGER_SERVICE_NAME: missing (expected: the name of this service)");
    assertThatThrownBy(() -> tracer("JAEGER_SAMPLER_TYPE", "remote", "JAEGER_SAMPLER_MANAGER_HOST_PORT", "agent"))
        .hasMessage("JAEGER_SAMPLER_MANAGER_HOST_PORT: agent (expected: host:port)");
    assertThatThrownBy(() -> tracer("JAEGER_SAMPLER_TYPE", "const", "JAEGER_SAMPLER_PARAM", "0.5"))
        .hasMessage("JAEGER_SAMPLER_PARAM: 0.5 (expected: 0 or 1 for const)");
  }
}
