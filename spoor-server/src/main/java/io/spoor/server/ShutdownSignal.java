package io.spoor.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a long-running command learns it should stop. In a process it is the JVM's shutdown (SIGTERM,
 * Ctrl-C): the hook asks the command to stop and waits until it has drained and closed everything,
 * so accepted spans reach storage. Tests trigger it themselves.
 */
class ShutdownSignal {
  private static final long CLOSE_TIMEOUT_SECONDS = 30;

  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  /** A signal raised by the JVM's shutdown. */
  static ShutdownSignal ofJvm() {
    ShutdownSignal signal = new ShutdownSignal();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      signal.request();
      try {
        signal.finished.await(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "spoor-shutdown"));
    return signal;
  }

  void request() {
    requested.countDown();
  }

  /** Blocks until a stop is requested. */
  void await() throws InterruptedException {
    requested.await();
  }

  /** The command calls this once everything is closed. */
  void closed() {
    finished.countDown();
  }
}
