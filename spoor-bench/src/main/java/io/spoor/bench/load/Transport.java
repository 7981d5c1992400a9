package io.spoor.bench.load;

/**
 * Sends request bodies over one connection. One instance per load thread; not thread-safe.
 * {@link #send} never throws for a failed request: the failure is its {@link Outcome}.
 */
interface Transport extends AutoCloseable {
  Outcome send(byte[] body) throws InterruptedException;

  @Override
  void close();

  /** Creates the transport of one connection slot. */
  @FunctionalInterface
  interface Factory {
    Transport create(int slot);
  }
}
