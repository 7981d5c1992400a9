package io.spoor.collector;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.encoding.DecodingService;
import com.linecorp.armeria.server.grpc.GrpcService;
import io.micrometer.core.instrument.MeterRegistry;
import io.spoor.codec.jaeger.thrift.JaegerThriftCodec;
import io.spoor.collector.CollectorConfig.Endpoint;
import io.spoor.collector.pipeline.CollectorMetrics;
import io.spoor.collector.pipeline.QueueingSpanProcessor;
import io.spoor.collector.receiver.HttpSpanReceiver;
import io.spoor.collector.receiver.JaegerGrpcReceiver;
import io.spoor.collector.receiver.JaegerHttpReceiver;
import io.spoor.collector.receiver.OtlpGrpcReceiver;
import io.spoor.collector.receiver.OtlpHttpReceiver;
import io.spoor.collector.receiver.ZipkinHttpReceiver;
import io.spoor.collector.sampling.SamplingGrpcService;
import io.spoor.collector.sampling.SamplingHttpService;
import io.spoor.collector.sampling.StrategyStore;
import io.spoor.collector.sanitizer.SpanSanitizer;
import io.spoor.storage.SpanWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running collector: its receivers and its span pipeline. {@link #start()} starts the pipeline,
 * then opens every enabled endpoint; {@link #close()} closes the endpoints first (no new intake), then
 * drains the pipeline into storage. It does not close the storage it was given.
 */
public final class Collector implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Collector.class);

  private final CollectorConfig config;
  private final QueueingSpanProcessor processor;
  private final StrategyStore strategies;
  private final Map<Endpoint, Server> servers = new EnumMap<>(Endpoint.class);
  private boolean started;
  private boolean closed;

  public Collector(CollectorConfig config, SpanWriter writer, MeterRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.processor = new QueueingSpanProcessor(config.pipeline(), writer,
        SpanSanitizer.standard(config.maxTagValueLength()), new CollectorMetrics(registry));
    this.strategies = new StrategyStore(config.sampling());
  }

  /**
   * Starts the workers and binds every enabled endpoint.
   *
   * @throws IllegalStateException when a port cannot be bound (the message names the endpoint)
   * @throws IllegalArgumentException when the sampling strategies file is unreadable or invalid
   *     (nothing is started then)
   */
  public synchronized void start() {
    if (started) {
      throw new IllegalStateException("already started");
    }
    started = true;
    strategies.start();
    processor.start();
    JaegerThriftCodec thrift = new JaegerThriftCodec(
        config.maxRequestBytes(), JaegerThriftCodec.DEFAULT_MAX_STRING_BYTES,
        JaegerThriftCodec.DEFAULT_MAX_CONTAINER_SIZE);
    for (Endpoint endpoint : Endpoint.values()) {
      config.endpoint(endpoint).ifPresent(address -> {
        boolean grpc = endpoint == Endpoint.JAEGER_GRPC || endpoint == Endpoint.OTLP_GRPC;
        // gRPC enforces its own message limit and answers RESOURCE_EXHAUSTED; leave room for framing.
        ServerBuilder sb = Server.builder()
            .http(address.toAddress())
            .maxRequestLength(grpc ? 2L * config.maxRequestBytes() : config.maxRequestBytes());
        switch (endpoint) {
          case JAEGER_GRPC:
            sb.service(grpc().addService(new JaegerGrpcReceiver(processor))
                .addService(new SamplingGrpcService(strategies)).build());
            break;
          case JAEGER_HTTP:
            sb.service(JaegerHttpReceiver.PATH, gzip(JaegerHttpReceiver.create(processor, thrift)));
            sb.service(SamplingHttpService.PATH, new SamplingHttpService(strategies));
            break;
          case OTLP_GRPC:
            sb.service(grpc().addService(new OtlpGrpcReceiver(processor)).build());
            break;
          case OTLP_HTTP:
            sb.service(OtlpHttpReceiver.PATH, gzip(OtlpHttpReceiver.create(processor)));
            break;
          case ZIPKIN:
            sb.service(ZipkinHttpReceiver.V2_PATH, gzip(ZipkinHttpReceiver.v2(processor)));
            sb.service(ZipkinHttpReceiver.V1_PATH, gzip(ZipkinHttpReceiver.v1(processor)));
            break;
          default:
            throw new AssertionError(endpoint);
        }
        Server server = sb.build();
        try {
          server.start().join();
        } catch (RuntimeException e) {
          close();
          throw new IllegalStateException("cannot listen on " + address + " for --" + endpoint.flag()
              + ": " + rootMessage(e), e);
        }
        servers.put(endpoint, server);
      });
    }
    logger.info("Collector listening: {}", describe());
  }

  private com.linecorp.armeria.server.grpc.GrpcServiceBuilder grpc() {
    return GrpcService.builder()
        .maxRequestMessageLength(config.maxRequestBytes())
        .enableUnframedRequests(true);
  }

  private static com.linecorp.armeria.server.HttpService gzip(HttpSpanReceiver receiver) {
    return receiver.decorate(DecodingService.newDecorator());
  }

  /** The port an endpoint is bound to (useful when it was configured as port 0). */
  public synchronized int port(Endpoint endpoint) {
    Server server = servers.get(endpoint);
    if (server == null) {
      throw new IllegalStateException(endpoint + " is not listening");
    }
    return server.activeLocalPort();
  }

  /** {@code OTLP_GRPC=:4317, ...} for the start-up line. */
  public synchronized String describe() {
    List<String> parts = new ArrayList<>();
    servers.forEach((endpoint, server) -> {
      java.net.InetSocketAddress a = server.activePort().localAddress();
      parts.add(endpoint.name().toLowerCase(java.util.Locale.ROOT) + "=" + new HostPort(
          a.getAddress().isAnyLocalAddress() ? null : a.getHostString(), a.getPort()));
    });
    return String.join(", ", parts);
  }

  /** Closes the endpoints, then drains the pipeline. Idempotent. */
  @Override
  public void close() {
    List<Server> toStop;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toStop = new ArrayList<>(servers.values());
    }
    CompletableFuture.allOf(toStop.stream().map(Server::stop).toArray(CompletableFuture[]::new)).join();
    processor.close();
    strategies.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
