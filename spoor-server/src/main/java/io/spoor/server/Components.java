package io.spoor.server;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a server command has started, closed in reverse order: endpoints before the pipeline that
 * feeds storage, storage last. A failing close is logged and the rest still close.
 */
final class Components implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Components.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  <T extends AutoCloseable> T add(T component) {
    started.push(component);
    return component;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      AutoCloseable c = started.pop();
      try {
        c.close();
      } catch (Exception e) {
        logger.warn("Closing {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
