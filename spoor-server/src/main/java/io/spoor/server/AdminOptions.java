package io.spoor.server;

import io.spoor.collector.HostPort;
import picocli.CommandLine.Option;

/** {@code --admin.http.host-port}: where {@code /metrics} and {@code /health} are served. */
final class AdminOptions {
  @Option(names = "--admin.http.host-port", paramLabel = "<host:port>",
      description = "Admin port with /metrics (Prometheus) and /health. Default: ${DEFAULT-VALUE}.")
  String hostPort;

  AdminOptions(String defaultHostPort) {
    this.hostPort = defaultHostPort;
  }

  /** @throws IllegalArgumentException when the address is malformed or empty */
  HostPort address() {
    return HostPort.parse("admin.http.host-port", hostPort).orElseThrow(() ->
        new IllegalArgumentException("--admin.http.host-port: \"\" (expected: host:port or :port)"));
  }
}
