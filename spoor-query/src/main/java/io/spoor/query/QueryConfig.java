package io.spoor.query;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The query service's configuration.
 *
 * @param httpAddress where the UI and the HTTP APIs listen ({@code --query.http-server.host-port})
 * @param grpcAddress where the gRPC query services (api_v2 and api_v3) listen ({@code
 *     --query.grpc-server.host-port}); null disables them
 * @param basePath prefix of every HTTP path, UI included ({@code --query.base-path}, default {@code /})
 * @param maxClockSkewAdjustment 0 leaves clock skew alone (the default)
 * @param corsAllowedOrigins origins allowed to call the API from a browser; empty allows none
 */
public record QueryConfig(
    InetSocketAddress httpAddress,
    @Nullable InetSocketAddress grpcAddress,
    String basePath,
    Duration maxClockSkewAdjustment,
    List<String> corsAllowedOrigins) {
  public QueryConfig {
    Objects.requireNonNull(httpAddress, "httpAddress");
    Objects.requireNonNull(basePath, "basePath");
    Objects.requireNonNull(maxClockSkewAdjustment, "maxClockSkewAdjustment");
    corsAllowedOrigins = List.copyOf(corsAllowedOrigins);
    if (!basePath.startsWith("/")) {
      throw new IllegalArgumentException("--query.base-path: \"" + basePath + "\" (expected: a path starting with /)");
    }
    if (basePath.length() > 1 && basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    if (maxClockSkewAdjustment.isNegative()) {
      throw new IllegalArgumentException("--query.max-clock-skew-adjustment: " + maxClockSkewAdjustment
          + " (expected: >= 0)");
    }
  }
}
