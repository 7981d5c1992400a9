package io.spoor.server;

import io.spoor.collector.HostPort;
import io.spoor.query.QueryConfig;
import io.spoor.storage.GoDuration;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** The query service's flags, Jaeger's names and defaults; added with {@code @Mixin QueryOptions}. */
final class QueryOptions {
  @Option(names = "--query.http-server.host-port", paramLabel = "<host:port>", defaultValue = ":16686",
      description = "UI and HTTP JSON APIs (/api/*). Default: ${DEFAULT-VALUE}.")
  String http = ":16686";

  @Option(names = "--query.grpc-server.host-port", paramLabel = "<host:port>", defaultValue = ":16685",
      description = "gRPC api_v2 and api_v3 QueryService (empty disables). Default: ${DEFAULT-VALUE}.")
  String grpc = ":16685";

  @Option(names = "--query.base-path", paramLabel = "<path>", defaultValue = "/",
      description = "Prefix of every HTTP path, UI included, e.g. /jaeger. Default: ${DEFAULT-VALUE}.")
  String basePath = "/";

  @Option(names = "--query.max-clock-skew-adjustment", paramLabel = "<duration>", defaultValue = "0s",
      description = "Largest clock-skew correction applied to spans on read; 0s turns it off. "
          + "Every correction is reported in the span's warnings. Default: ${DEFAULT-VALUE}.")
  String maxClockSkew = "0s";

  @Option(names = "--query.cors.allowed-origins", paramLabel = "<origins>", defaultValue = "",
      description = "Comma-separated origins allowed to call the API from a browser (* for any). "
          + "Default: none.")
  String corsOrigins = "";

  /** @throws IllegalArgumentException naming the flag, the value and what was expected */
  QueryConfig toConfig() {
    HostPort address = HostPort.parse("query.http-server.host-port", http).orElseThrow(() ->
        new IllegalArgumentException("--query.http-server.host-port: \"\" (expected: host:port or :port)"));
    java.time.Duration skew;
    try {
      skew = GoDuration.parse(maxClockSkew);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--query.max-clock-skew-adjustment: " + e.getMessage(), e);
    }
    List<String> origins = Arrays.stream(corsOrigins.split(",")).map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
    var grpcAddress = HostPort.parse("query.grpc-server.host-port", grpc).map(HostPort::toAddress).orElse(null);
    return new QueryConfig(address.toAddress(), grpcAddress, basePath, skew, origins);
  }
}
