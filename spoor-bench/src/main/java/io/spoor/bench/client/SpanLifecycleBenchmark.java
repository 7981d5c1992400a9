package io.spoor.bench.client;

import brave.Tracing;
import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.jaegertracing.internal.JaegerTracer;
import io.jaegertracing.internal.reporters.NoopReporter;
import io.jaegertracing.internal.samplers.ConstSampler;
import io.jaegertracing.thrift.internal.senders.UdpSender;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.spoor.client.CountingClientMetrics;
import io.spoor.client.SpoorTracer;
import io.spoor.client.reporter.RemoteReporter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Start + 3 tags + finish of a sampled root span.
 *
 * <ul>
 *   <li>{@code *Noop}: the finished span goes to a sink that drops it (Spoor: a no-op {@code Reporter};
 *       Jaeger: {@code NoopReporter}; OTel: a {@code SpanProcessor} whose {@code onEnd} does nothing; Brave:
 *       a {@code SpanHandler} whose {@code end} does nothing).
 *   <li>{@code *Udp}: the client's real UDP reporter (Spoor: {@code RemoteReporter} + {@code UdpSender};
 *       Jaeger: {@code RemoteReporter} + {@code UdpSender}, both with a queue of 100 spans and a 1 s flush)
 *       to a local socket nobody reads. In a tight loop the queue is full most of the time, so most spans are
 *       dropped by both clients; the counts are printed at the end of each trial.
 *   <li>{@code otelBatch}: the OpenTelemetry SDK has no UDP exporter; its production pipeline, a {@code
 *       BatchSpanProcessor} with an exporter that drops, stands in for it.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpanLifecycleBenchmark {
  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.method");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.status_code");
  static final AttributeKey<Boolean> ERROR = AttributeKey.booleanKey("error");

  /** A local UDP port that nobody reads: the kernel drops what overflows its buffer. */
  @State(Scope.Benchmark)
  public static class Agent {
    DatagramSocket socket;

    @Setup(Level.Trial)
    public void open() throws SocketException, UnknownHostException {
      socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
    }

    @TearDown(Level.Trial)
    public void close() {
      socket.close();
    }
  }

  @State(Scope.Benchmark)
  public static class SpoorNoop {
    SpoorTracer tracer;

    @Setup(Level.Trial)
    public void setUp() {
      tracer = SpoorTracer.builder("bench").sampler(new io.spoor.client.sampler.ConstSampler(true))
          .reporter(span -> { }).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracer.close();
    }
  }

  @State(Scope.Benchmark)
  public static class SpoorUdp {
    SpoorTracer tracer;
    CountingClientMetrics metrics;

    @Setup(Level.Trial)
    public void setUp(Agent agent) {
      metrics = new CountingClientMetrics();
      tracer = SpoorTracer.builder("bench").sampler(new io.spoor.client.sampler.ConstSampler(true))
          .metrics(metrics)
          .reporter(new RemoteReporter(new io.spoor.client.reporter.UdpSender("127.0.0.1",
              agent.socket.getLocalPort(), metrics), 100, Duration.ofSeconds(1), metrics))
          .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracer.close();
      System.out.printf("%nspoor udp: finished %d, reported %d, dropped (queue full) %d, failed %d%n",
          metrics.finished(), metrics.reported(), metrics.droppedQueueFull(), metrics.failed());
    }
  }

  @State(Scope.Benchmark)
  public static class JaegerNoop {
    JaegerTracer tracer;

    @Setup(Level.Trial)
    public void setUp() {
      tracer = new JaegerTracer.Builder("bench").withSampler(new ConstSampler(true))
          .withReporter(new NoopReporter()).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracer.close();
    }
  }

  @State(Scope.Benchmark)
  public static class JaegerUdp {
    JaegerTracer tracer;

    @Setup(Level.Trial)
    public void setUp(Agent agent) throws org.apache.thrift.transport.TTransportException {
      tracer = new JaegerTracer.Builder("bench").withSampler(new ConstSampler(true))
          .withReporter(new io.jaegertracing.internal.reporters.RemoteReporter.Builder()
              .withSender(new UdpSender("127.0.0.1", agent.socket.getLocalPort(), 0))
              .withMaxQueueSize(100).withFlushInterval(1000).build())
          .build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracer.close();
    }
  }

  @State(Scope.Benchmark)
  public static class OtelNoop {
    SdkTracerProvider provider;
    io.opentelemetry.api.trace.Tracer tracer;

    @Setup(Level.Trial)
    public void setUp() {
      provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).addSpanProcessor(new SpanProcessor() {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
          return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {}

        @Override
        public boolean isEndRequired() {
          return true;
        }
      }).build();
      tracer = provider.get("bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      provider.close();
    }
  }

  @State(Scope.Benchmark)
  public static class OtelBatch {
    SdkTracerProvider provider;
    io.opentelemetry.api.trace.Tracer tracer;

    @Setup(Level.Trial)
    public void setUp() {
      SpanExporter drop = new SpanExporter() {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
          return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
          return CompletableResultCode.ofSuccess();
        }
      };
      provider = SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
          .addSpanProcessor(BatchSpanProcessor.builder(drop).build()).build();
      tracer = provider.get("bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      provider.close();
    }
  }

  @State(Scope.Benchmark)
  public static class BraveNoop {
    Tracing tracing;
    brave.Tracer tracer;

    @Setup(Level.Trial)
    public void setUp() {
      tracing = Tracing.newBuilder().localServiceName("bench").sampler(brave.sampler.Sampler.ALWAYS_SAMPLE)
          .addSpanHandler(new SpanHandler() {
            @Override
            public boolean end(TraceContext context, MutableSpan span, Cause cause) {
              return true;
            }
          }).build();
      tracer = tracing.tracer();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
      tracing.close();
    }
  }

  private static io.opentracing.Span openTracing(io.opentracing.Tracer tracer) {
    io.opentracing.Span span = tracer.buildSpan("GET /cart").start();
    span.setTag("http.method", "GET");
    span.setTag("http.status_code", 200);
    span.setTag("error", false);
    span.finish();
    return span;
  }

  private static io.opentelemetry.api.trace.Span otel(io.opentelemetry.api.trace.Tracer tracer) {
    io.opentelemetry.api.trace.Span span = tracer.spanBuilder("GET /cart").startSpan();
    span.setAttribute(HTTP_METHOD, "GET");
    span.setAttribute(HTTP_STATUS, 200L);
    span.setAttribute(ERROR, false);
    span.end();
    return span;
  }

  @Benchmark
  public io.opentracing.Span spoorNoop(SpoorNoop s) {
    return openTracing(s.tracer);
  }

  @Benchmark
  public io.opentracing.Span spoorUdp(SpoorUdp s) {
    return openTracing(s.tracer);
  }

  @Benchmark
  public io.opentracing.Span jaegerNoop(JaegerNoop s) {
    return openTracing(s.tracer);
  }

  @Benchmark
  public io.opentracing.Span jaegerUdp(JaegerUdp s) {
    return openTracing(s.tracer);
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span otelNoop(OtelNoop s) {
    return otel(s.tracer);
  }

  @Benchmark
  public io.opentelemetry.api.trace.Span otelBatch(OtelBatch s) {
    return otel(s.tracer);
  }

  @Benchmark
  public brave.Span braveNoop(BraveNoop s) {
    brave.Span span = s.tracer.newTrace().name("GET /cart").start();
    span.tag("http.method", "GET");
    span.tag("http.status_code", "200");
    span.tag("error", "false");
    span.finish();
    return span;
  }
}
