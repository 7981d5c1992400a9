package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One trace over two services sent with the OpenTelemetry SDK over OTLP/HTTP: {@code shop} serves
 * {@code checkout} ({@code http.status_code=500}) and calls {@code pay}, which {@code payments}
 * serves as {@code charge}: three spans and one dependency link shop → payments.
 */
final class CheckoutTraffic {
  private CheckoutTraffic() {}

  /** Sends the trace to the OTLP/HTTP port and returns its id once every span was accepted. */
  static String send(int otlpHttpPort) {
    SdkTracerProvider shop = provider("shop", otlpHttpPort);
    SdkTracerProvider payments = provider("payments", otlpHttpPort);
    try {
      Tracer tracer = shop.get("test");
      Span root = tracer.spanBuilder("checkout").setSpanKind(SpanKind.SERVER)
          .setAttribute("http.status_code", 500L).startSpan();
      try (var scope = root.makeCurrent()) {
        Span pay = tracer.spanBuilder("pay").setSpanKind(SpanKind.CLIENT).startSpan();
        payments.get("test").spanBuilder("charge").setSpanKind(SpanKind.SERVER)
            .setParent(Context.current().with(pay)).startSpan().end();
        pay.end();
      }
      root.end();
      // A loaded machine's first write to a fresh backend can be slow: generous timeouts.
      assertThat(shop.forceFlush().join(40, TimeUnit.SECONDS).isSuccess()).as("shop's spans accepted").isTrue();
      assertThat(payments.forceFlush().join(40, TimeUnit.SECONDS).isSuccess()).as("payments' span accepted").isTrue();
      return root.getSpanContext().getTraceId();
    } finally {
      shop.shutdown().join(10, TimeUnit.SECONDS);
      payments.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  private static SdkTracerProvider provider(String service, int port) {
    return SdkTracerProvider.builder()
        .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
        .addSpanProcessor(SimpleSpanProcessor.create(OtlpHttpSpanExporter.builder()
            .setEndpoint("http://127.0.0.1:" + port + "/v1/traces").setTimeout(Duration.ofSeconds(30)).build()))
        .build();
  }
}
