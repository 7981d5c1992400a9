package io.spoor.server;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.Server;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.spoor.collector.HostPort;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.GoDuration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A component's admin port: {@code GET /metrics} in Prometheus text format, and {@code GET /} and
 * {@code GET /health} answering Jaeger's health JSON — 200 {@code "Server available"} while the
 * component is ready, 503 {@code "Server not available"} otherwise.
 */
final class AdminServer implements AutoCloseable {
  private final Server server;

  AdminServer(HostPort address, PrometheusMeterRegistry registry, Supplier<HealthStatus> health, Clock clock) {
    Instant upSince = clock.instant();
    this.server = Server.builder()
        .http(address.toAddress())
        .service("/metrics", (ctx, req) -> HttpResponse.of(HttpStatus.OK,
            MediaType.parse("text/plain; version=0.0.4; charset=utf-8"), registry.scrape()))
        .service("/health", (ctx, req) -> health(health.get(), upSince, clock))
        .service("/", (ctx, req) -> health(health.get(), upSince, clock))
        .build();
  }

  private static HttpResponse health(HealthStatus status, Instant upSince, Clock clock) {
    if (!status.healthy()) {
      return HttpResponse.of(HttpStatus.SERVICE_UNAVAILABLE, MediaType.JSON_UTF_8,
          "{\"status\":\"Server not available\",\"upSince\":\"0001-01-01T00:00:00Z\",\"uptime\":\"\","
              + "\"reason\":" + quote(status.reason()) + "}");
    }
    Duration uptime = Duration.between(upSince, clock.instant());
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8,
        "{\"status\":\"Server available\",\"upSince\":\"" + upSince + "\",\"uptime\":\""
            + GoDuration.format(uptime) + "\"}");
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  void start() {
    server.start().join();
  }

  int port() {
    return server.activeLocalPort();
  }

  @Override
  public void close() {
    server.stop().join();
  }
}
