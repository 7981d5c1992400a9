package io.spoor.client.reporter;

import io.spoor.client.SpoorSpan;

/**
 * Encodes spans and sends them in batches; used by one thread only ({@link RemoteReporter}'s). A sender
 * counts what happens to each span in its {@link io.spoor.client.ClientMetrics}: reported, dropped as too
 * large, or failed. Its methods never throw for transport errors.
 */
public interface Sender extends AutoCloseable {
  /** Adds a span to the pending batch, sending the batch first when the span would not fit. */
  void append(SpoorSpan span);

  /** Sends the pending batch, if any. */
  void flush();

  /** Flushes and releases the transport; idempotent. */
  @Override
  void close();
}
