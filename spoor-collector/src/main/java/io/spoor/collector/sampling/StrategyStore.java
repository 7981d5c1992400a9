package io.spoor.collector.sampling;

import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The collector's current sampling strategies. Without a file every service gets probabilistic at
 * the default probability. With a file, {@link #start()} loads it (a bad file fails there, naming the
 * line and the reason) and, when a reload interval is set, re-reads it on one daemon thread: a changed
 * file replaces the strategies; a file that became bad or unreadable keeps the previous ones and logs
 * why once per change.
 *
 * <p>{@link #strategyFor} is lock-free and safe from any thread. {@link #close()} stops the reload
 * thread; it is idempotent.
 */
public final class StrategyStore implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(StrategyStore.class);

  private final SamplingConfig config;
  private final AtomicReference<SamplingStrategies> current;
  private byte @Nullable [] loaded;
  private byte @Nullable [] rejected;
  private @Nullable ScheduledExecutorService reloader;
  private boolean closed;

  /** Holds the default strategy until {@link #start()}; does no I/O. */
  public StrategyStore(SamplingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.current = new AtomicReference<>(SamplingStrategies.probabilistic(config.defaultSamplingProbability()));
  }

  /**
   * Loads the strategies file, if any, and starts reloading it.
   *
   * @throws IllegalArgumentException {@code "--sampling.strategies-file: <path>: line 3, column 5: ..."}
   *     when the file cannot be read or parsed
   */
  public synchronized void start() {
    Path file = config.strategiesFile();
    if (file == null || reloader != null || closed) {
      return;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--sampling.strategies-file: " + file + ": cannot read (" + e + ")", e);
    }
    try {
      current.set(StrategiesFile.parse(bytes, file.toString(), config.defaultSamplingProbability()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--sampling.strategies-file: " + e.getMessage(), e);
    }
    loaded = bytes;
    logger.info("Sampling strategies loaded from {}", file);
    long interval = config.reloadInterval().toMillis();
    if (interval > 0) {
      reloader = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spoor-collector-sampling-reload");
        t.setDaemon(true);
        return t;
      });
      reloader.scheduleWithFixedDelay(() -> reload(file), interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  /** Re-reads the file now; what the reload thread does every interval. */
  void reload(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException | RuntimeException e) {
      logger.warn("Sampling strategies: cannot re-read {} ({}); keeping the previous strategies", file, e.toString());
      return;
    }
    synchronized (this) {
      if (Arrays.equals(bytes, loaded) || Arrays.equals(bytes, rejected)) {
        return;
      }
      try {
        current.set(StrategiesFile.parse(bytes, file.toString(), config.defaultSamplingProbability()));
        loaded = bytes;
        rejected = null;
        logger.info("Sampling strategies reloaded from {}", file);
      } catch (IllegalArgumentException e) {
        rejected = bytes;
        logger.warn("Sampling strategies: {}; keeping the previous strategies", e.getMessage());
      }
    }
  }

  /** The strategy for {@code service}: its own, else the default. */
  public SamplingStrategyResponse strategyFor(String service) {
    return current.get().strategyFor(Objects.requireNonNull(service, "service"));
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (reloader != null) {
      reloader.shutdownNow();
      reloader = null;
    }
  }
}
