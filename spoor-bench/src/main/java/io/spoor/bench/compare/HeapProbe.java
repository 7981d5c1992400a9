package io.spoor.bench.compare;

import java.util.OptionalLong;

/**
 * Reads how many bytes of heap a server under test uses now. Empty when the source cannot be read; never
 * throws for an unreachable source, since a probe runs while the server may be starting or stopping.
 */
interface HeapProbe {
  OptionalLong usedHeapBytes() throws InterruptedException;

  /** A short name of the source for the report, e.g. {@code prometheus} or {@code jcmd}. */
  String source();
}
