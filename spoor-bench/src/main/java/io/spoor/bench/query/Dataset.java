package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.TraceGenerator;
import io.spoor.bench.load.ZipkinEncoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import zipkin2.Span;
import zipkin2.codec.SpanBytesEncoder;

/**
 * Generates a {@link DatasetSpec}'s spans with the load generator's {@link TraceGenerator}, encodes each
 * request as Zipkin JSON v2 (with zipkin2's own encoder, the body both servers accept at
 * {@code /api/v2/spans}) and hands it to a sink, one request at a time, so that a million spans never sit
 * in the driver's heap at once. Every trace lies within one request. Returns the index of what was made.
 */
final class Dataset {
  /** Receives request bodies in order. */
  @FunctionalInterface
  interface Sink {
    void accept(byte[] zipkinJsonBody) throws InterruptedException;
  }

  private Dataset() {}

  static DatasetIndex generate(DatasetSpec spec, Sink sink) throws InterruptedException {
    requireNonNull(spec, "spec");
    requireNonNull(sink, "sink");
    long[] traceNumber = {0};
    TraceGenerator generator = new TraceGenerator(new Random(spec.seed()), spec.services(),
        () -> spec.originMicros() + traceNumber[0]++ * spec.stepMicros());
    List<DatasetIndex.TraceRef> traces = new ArrayList<>();
    Map<String, Integer> tracesPerService = new HashMap<>();
    long minStart = Long.MAX_VALUE;
    long maxEnd = Long.MIN_VALUE;
    int remaining = spec.spans();
    while (remaining > 0) {
      var batch = generator.nextBatch(Math.min(remaining, spec.spansPerRequest()));
      List<Span> spans = ZipkinEncoder.toSpans(batch);
      Map<String, Integer> spansPerTrace = new LinkedHashMap<>();
      Map<String, Set<String>> servicesPerTrace = new HashMap<>();
      for (Span span : spans) {
        spansPerTrace.merge(span.traceId(), 1, Integer::sum);
        servicesPerTrace.computeIfAbsent(span.traceId(), id -> new HashSet<>())
            .add(requireNonNull(span.localServiceName(), "localServiceName"));
        minStart = Math.min(minStart, span.timestampAsLong());
        maxEnd = Math.max(maxEnd, span.timestampAsLong() + span.durationAsLong());
      }
      spansPerTrace.forEach((id, count) -> traces.add(new DatasetIndex.TraceRef(id, count)));
      servicesPerTrace.values().forEach(names -> names.forEach(name -> tracesPerService.merge(name, 1, Integer::sum)));
      sink.accept(SpanBytesEncoder.JSON_V2.encodeList(spans));
      remaining -= batch.size();
    }
    return new DatasetIndex(traces, tracesPerService, spec.spans(), new SearchWindow(minStart, maxEnd));
  }
}
