package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.BatchEncoder.EncodedBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A fixed set of request templates handed out round-robin, each rendered with a fresh sequence number.
 * Thread-safe: two atomic counters are its only mutable state.
 */
final class RequestPool {
  private final List<RequestTemplate> templates;
  private final AtomicInteger cursor = new AtomicInteger();
  private final AtomicInteger sequence = new AtomicInteger();

  RequestPool(List<RequestTemplate> templates) {
    if (templates.isEmpty()) {
      throw new IllegalArgumentException("templates: [] (expected: at least one)");
    }
    this.templates = List.copyOf(templates);
  }

  /**
   * Generates {@code batches} batches of {@code spansPerBatch} spans over {@code services} services and
   * encodes them in {@code format}; Jaeger Thrift turns each batch into one body per service.
   */
  static RequestPool generate(Format format, int batches, int spansPerBatch, int services, long seed,
      LongSupplier clockMicros) {
    requireNonNull(format, "format");
    if (batches < 1) {
      throw new IllegalArgumentException("batches: " + batches + " (expected: >= 1)");
    }
    TraceGenerator generator = new TraceGenerator(new Random(seed), services, clockMicros);
    BatchEncoder encoder = format.newEncoder();
    List<RequestTemplate> templates = new ArrayList<>();
    for (int i = 0; i < batches; i++) {
      for (EncodedBody body : encoder.encode(generator.nextBatch(spansPerBatch))) {
        templates.add(RequestTemplate.of(body, format.idEncoding()));
      }
    }
    return new RequestPool(templates);
  }

  List<RequestTemplate> templates() {
    return templates;
  }

  /** The next request: a template, round-robin, rendered with the next sequence number. */
  Request next() {
    RequestTemplate template = templates.get(Math.floorMod(cursor.getAndIncrement(), templates.size()));
    return new Request(template.render(sequence.getAndIncrement()), template.spanCount());
  }

  double meanSpansPerRequest() {
    return templates.stream().mapToInt(RequestTemplate::spanCount).average().orElse(0);
  }

  double meanBytesPerRequest() {
    return templates.stream().mapToInt(RequestTemplate::size).average().orElse(0);
  }

  /** A body ready to send and the number of spans in it. */
  record Request(byte[] body, int spanCount) {}
}
