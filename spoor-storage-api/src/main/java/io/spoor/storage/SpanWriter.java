package io.spoor.storage;

import io.spoor.model.Span;
import java.util.List;

/** Writes spans. Thread-safe. */
public interface SpanWriter {
  /**
   * Stores a batch of spans, which may belong to several traces and may repeat span ids. Spans of one
   * trace may arrive over many calls; a reader returns them together. On return the spans are
   * durable as far as the backend promises (in memory: until evicted) and readable within one
   * second. Writing the same span twice is allowed; readers may return both copies.
   *
   * @throws StorageException when the backend failed; the caller may retry the whole batch
   */
  void write(List<Span> spans);
}
