package io.spoor.codec.otlp;

import io.spoor.model.Span;
import java.util.List;
import java.util.Objects;

/**
 * What an OTLP request decoded to: the spans that were accepted, and how many were rejected and why,
 * which a receiver reports back as OTLP partial success ({@code rejected_spans}, {@code error_message}).
 * A span is rejected, not the whole request, when its trace id or span id is missing, all zeros or of
 * the wrong length.
 *
 * @param spans the accepted spans in request order; never null
 * @param rejectedSpans how many spans were left out; 0 when all were accepted
 * @param errorMessage why, for the first few rejected spans (with their path in the request); empty
 *     when none were rejected
 */
public record OtlpDecodeResult(List<Span> spans, long rejectedSpans, String errorMessage) {
  public OtlpDecodeResult {
    spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
    Objects.requireNonNull(errorMessage, "errorMessage");
    if (rejectedSpans < 0) {
      throw new IllegalArgumentException("rejectedSpans: " + rejectedSpans + " (expected: >= 0)");
    }
  }

  /** True when no span was rejected. */
  public boolean isComplete() {
    return rejectedSpans == 0;
  }
}
