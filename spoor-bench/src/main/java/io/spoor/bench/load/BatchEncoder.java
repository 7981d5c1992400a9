package io.spoor.bench.load;

import java.util.List;

/**
 * Encodes a batch of synthetic spans into request bodies with a peer's own library. A format whose batch
 * carries one process per request (Jaeger Thrift) returns one body per service; the others return one body.
 */
interface BatchEncoder {
  List<EncodedBody> encode(List<SyntheticSpan> batch);

  /** One request body and the spans and trace ids it carries. */
  record EncodedBody(byte[] bytes, int spanCount, List<Long> traceIdHighs) {
    public EncodedBody {
      traceIdHighs = List.copyOf(traceIdHighs);
    }

    static EncodedBody of(byte[] bytes, List<SyntheticSpan> spans) {
      return new EncodedBody(bytes, spans.size(),
          spans.stream().map(SyntheticSpan::traceIdHigh).distinct().toList());
    }
  }
}
