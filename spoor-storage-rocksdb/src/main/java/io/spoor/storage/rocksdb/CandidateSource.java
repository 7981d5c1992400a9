package io.spoor.storage.rocksdb;

import io.spoor.model.TraceId;
import org.jspecify.annotations.Nullable;

/** Index entries that may answer a search, newest span start first. Close it to free iterators. */
interface CandidateSource extends AutoCloseable {
  /** The next entry, or null when there is none. */
  @Nullable Candidate next();

  @Override
  void close();

  /** A span of {@code traceId} that started at {@code startNanos} and may match. */
  record Candidate(long startNanos, TraceId traceId) {}
}
