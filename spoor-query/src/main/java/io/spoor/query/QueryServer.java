package io.spoor.query;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.cors.CorsService;
import com.linecorp.armeria.server.encoding.EncodingService;
import io.spoor.query.adjust.TraceAdjuster;
import io.spoor.query.grpc.QueryGrpcServices;
import io.spoor.query.http.HttpQueryApi;
import io.spoor.query.v3.ApiV3HttpService;
import io.spoor.storage.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * The running query service: the UI, Jaeger's {@code /api/*} and api_v3 over HTTP on one port, the
 * gRPC query services (api_v2 and api_v3) on another. Responses are gzip-compressed when the client accepts it. It reads the storage
 * it is given and does not close it.
 */
public final class QueryServer implements AutoCloseable {
  private final Server http;
  private final @Nullable Server grpc;
  private final String basePath;

  /**
   * @param ui adds the web UI's routes under the base path, or does nothing when no UI is packaged
   */
  public QueryServer(QueryConfig config, Storage storage, Clock clock, BiConsumer<ServerBuilder, String> ui) {
    Objects.requireNonNull(config, "config");
    QueryReader reader = new QueryReader(storage.spanReader(), storage.dependencyStore(),
        storage.capabilities(), TraceAdjuster.standard(config.maxClockSkewAdjustment()));
    this.basePath = config.basePath();
    ServerBuilder sb = Server.builder().http(config.httpAddress());
    new HttpQueryApi(reader, clock).addTo(sb, config.basePath());
    new ApiV3HttpService(reader).addTo(sb, config.basePath());
    ui.accept(sb, config.basePath());
    sb.decorator(EncodingService.newDecorator());
    if (!config.corsAllowedOrigins().isEmpty()) {
      sb.decorator(CorsService.builder(config.corsAllowedOrigins())
          .allowRequestMethods(com.linecorp.armeria.common.HttpMethod.GET,
              com.linecorp.armeria.common.HttpMethod.POST)
          .allowRequestHeaders("Content-Type", "Authorization")
          .newDecorator());
    }
    this.http = sb.build();
    if (config.grpcAddress() == null) {
      this.grpc = null;
    } else {
      ServerBuilder gb = Server.builder().http(config.grpcAddress());
      new QueryGrpcServices(reader, clock).addTo(gb);
      this.grpc = gb.build();
    }
  }

  /** @throws IllegalStateException naming the address when a port cannot be bound */
  public void start() {
    start(http, "--query.http-server.host-port");
    if (grpc != null) {
      start(grpc, "--query.grpc-server.host-port");
    }
  }

  private void start(Server server, String flag) {
    try {
      server.start().join();
    } catch (RuntimeException e) {
      close();
      Throwable t = e;
      while (t.getCause() != null) {
        t = t.getCause();
      }
      throw new IllegalStateException("cannot listen for " + flag + ": " + t.getMessage(), e);
    }
  }

  public int httpPort() {
    return http.activeLocalPort();
  }

  /** {@code http=:16686 (UI at http://localhost:16686/)}-style description for the start-up line. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    parts.add("query_http=:" + http.activeLocalPort() + basePath);
    if (grpc != null) {
      parts.add("query_grpc=:" + grpc.activeLocalPort());
    }
    return String.join(", ", parts);
  }

  @Override
  public void close() {
    http.stop().join();
    if (grpc != null) {
      grpc.stop().join();
    }
  }
}
