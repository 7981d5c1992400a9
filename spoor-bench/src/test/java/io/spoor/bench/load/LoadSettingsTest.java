package io.spoor.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

  @Test
  void onlyLoopbackTargetsAreAccepted() {
    assertThat(settings("http://127.0.0.1:9411").endpoint()).isEqualTo(URI.create("http://127.0.0.1:9411/api/v2/spans"));
    assertThat(settings("http://localhost:9411/").endpoint()).isEqualTo(URI.create("http://localhost:9411/api/v2/spans"));
    assertThatThrownBy(() -> settings("http://10.1.2.3:9411"))
        .hasMessage("target: http://10.1.2.3:9411 (expected: a loopback address such as 127.0.0.1)");
    assertThatThrownBy(() -> settings("http://127.0.0.1"))
        .hasMessage("target: http://127.0.0.1 (expected: scheme://host:port)");
  }

  @Test
  void countsAndDurationsAreChecked() {
    LoadSettings valid = settings("http://127.0.0.1:9411");
    assertThatThrownBy(() -> valid.withConcurrency(0)).hasMessage("concurrency: 0 (expected: > 0)");
    assertThatThrownBy(() -> new LoadSettings(valid.target(), Format.ZIPKIN_JSON, 1, Duration.ZERO, Duration.ZERO,
        10, 1, 1, Duration.ofSeconds(1), 1)).hasMessage("duration: PT0S (expected: > 0)");
    assertThatThrownBy(() -> new LoadSettings(valid.target(), Format.ZIPKIN_JSON, 1, Duration.ofSeconds(-1),
        Duration.ofSeconds(1), 10, 1, 1, Duration.ofSeconds(1), 1)).hasMessage("warmup: PT-1S (expected: >= 0)");
  }

  @Test
  void formatsHaveTheirCommandLineNamesAndPaths() {
    assertThat(Format.of("jaeger-thrift-http")).isEqualTo(Format.JAEGER_THRIFT_HTTP);
    assertThat(Format.JAEGER_THRIFT_HTTP.path()).isEqualTo("/api/traces");
    assertThat(Format.OTLP_HTTP.path()).isEqualTo("/v1/traces");
    assertThatThrownBy(() -> Format.of("thrift")).hasMessage("format: thrift (expected: one of "
        + "[otlp-http, otlp-grpc, jaeger-thrift-http, zipkin-json, zipkin-proto3])");
  }

  private static LoadSettings settings(String target) {
    return new LoadSettings(URI.create(target), Format.ZIPKIN_JSON, 1, Duration.ZERO, Duration.ofSeconds(1), 10, 1,
        1, Duration.ofSeconds(1), 1);
  }
}
