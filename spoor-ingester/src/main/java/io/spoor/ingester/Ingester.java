package io.spoor.ingester;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.spoor.model.Span;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a Kafka topic of Jaeger span messages into a {@link SpanWriter}, at least once.
 *
 * <ul>
 *   <li>One poll thread owns the consumer (a member of {@code group-id}); each assigned partition
 *       gets a {@link PartitionWorker}, and a pool of {@code writers} threads writes the partitions'
 *       messages in batches, one batch per partition at a time, in offset order.
 *   <li>Offsets are committed every {@code commit-interval}, at a rebalance and at shutdown, and only
 *       up to the last message whose span was written: a crash replays at most what was written
 *       since the last commit (storage writes are idempotent and reads de-duplicate).
 *   <li>A partition with {@code parallelism} messages taken and not yet written is paused, and resumed
 *       at half of that: a slow storage slows consumption instead of filling memory.
 *   <li>A message that does not decode is a poison message: logged with partition and offset,
 *       counted, skipped. A span the storage refuses as invalid (not a {@link StorageException}) is
 *       skipped the same way. A failing storage ({@link StorageException}) is retried with backoff
 *       for as long as it fails; the partition stays paused meanwhile.
 *   <li>{@link #close()} (the server calls it on SIGTERM) finishes the batches in flight, commits and
 *       leaves the group.
 * </ul>
 */
public final class Ingester implements AutoCloseable {
  private static final Logger logger = LoggerFactory.getLogger(Ingester.class);

  private final IngesterConfig config;
  private final SpanWriter writer;
  private final MeterRegistry registry;
  private final Map<TopicPartition, PartitionWorker> workers = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Gauge> lagGauges = new HashMap<>();
  private final ExecutorService pool;
  private final Thread pollThread;
  private final Counter consumed;
  private final Counter written;
  private final Counter skippedDecode;
  private final Counter skippedRejected;
  private final Counter writeErrors;
  private final Counter commits;
  private final Counter commitErrors;
  private final AtomicInteger paused = new AtomicInteger();
  private @Nullable KafkaConsumer<String, byte[]> consumer;
  private volatile boolean running;
  private volatile boolean closed;
  private volatile @Nullable Throwable failure;

  public Ingester(IngesterConfig config, SpanWriter writer, MeterRegistry registry) {
    this.config = Objects.requireNonNull(config, "config");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.registry = Objects.requireNonNull(registry, "registry");
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(config.writers(), r -> {
      Thread t = new Thread(r, "spoor-ingester-writer-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.pollThread = new Thread(this::pollLoop, "spoor-ingester-poll");
    String topic = config.topic();
    consumed = Counter.builder("spoor.ingester.messages.consumed").tag("topic", topic)
        .description("Messages taken from Kafka").register(registry);
    written = Counter.builder("spoor.ingester.spans.written").tag("topic", topic)
        .description("Spans written to storage (replays after a restart count again)").register(registry);
    skippedDecode = Counter.builder("spoor.ingester.messages.skipped").tag("topic", topic).tag("reason", "decode")
        .description("Poison messages skipped").register(registry);
    skippedRejected = Counter.builder("spoor.ingester.messages.skipped").tag("topic", topic).tag("reason", "rejected")
        .description("Poison messages skipped").register(registry);
    writeErrors = Counter.builder("spoor.ingester.write.errors").tag("topic", topic)
        .description("Storage writes that failed and were retried").register(registry);
    commits = Counter.builder("spoor.ingester.offset.commits").tag("topic", topic)
        .description("Offset commits").register(registry);
    commitErrors = Counter.builder("spoor.ingester.offset.commit.errors").tag("topic", topic)
        .description("Offset commits that failed (retried at the next interval)").register(registry);
    Gauge.builder("spoor.ingester.partitions.assigned", workers, Map::size).tag("topic", topic)
        .description("Partitions this ingester consumes").register(registry);
    Gauge.builder("spoor.ingester.partitions.paused", paused, AtomicInteger::get).tag("topic", topic)
        .description("Partitions paused because the storage is behind").register(registry);
  }

  /**
   * Connects to the brokers (at most 10 s), joins the group and starts consuming.
   *
   * @throws IllegalStateException when the brokers do not answer
   */
  public synchronized void start() {
    if (consumer != null) {
      return;
    }
    KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config.consumerConfig());
    try {
      c.listTopics(Duration.ofSeconds(10));
    } catch (KafkaException e) {
      c.close(Duration.ZERO);
      throw new IllegalStateException("kafka: brokers " + config.brokers() + " did not answer within 10s: "
          + e.getMessage(), e);
    }
    c.subscribe(List.of(config.topic()), new Rebalance());
    consumer = c;
    running = true;
    pollThread.start();
  }

  /** Healthy while consuming; not once the poll loop died or the ingester is closing. */
  public HealthStatus health() {
    Throwable f = failure;
    if (f != null) {
      return HealthStatus.unhealthy("ingester stopped: " + f);
    }
    return running ? HealthStatus.OK : HealthStatus.unhealthy("ingester not running");
  }

  /** What the start-up line shows. */
  public String describe() {
    return "kafka " + config.brokers() + " topic " + config.topic() + " group " + config.groupId()
        + " encoding " + config.encoding().flagValue();
  }

  private void pollLoop() {
    KafkaConsumer<String, byte[]> c = Objects.requireNonNull(consumer);
    long nextCommit = System.nanoTime() + config.commitInterval().toNanos();
    try {
      while (running) {
        ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(100));
        for (TopicPartition tp : records.partitions()) {
          List<ConsumerRecord<String, byte[]>> rs = records.records(tp);
          consumed.increment(rs.size());
          PartitionWorker w = workers.get(tp);
          if (w != null) {
            w.offer(rs);
          }
        }
        flowControl(c);
        if (System.nanoTime() >= nextCommit) {
          commit(c, workers.values());
          nextCommit = System.nanoTime() + config.commitInterval().toNanos();
        }
      }
    } catch (WakeupException e) {
      // close() woke us up
    } catch (RuntimeException | Error e) {
      failure = e;
      logger.error("Ingester poll loop failed; consuming stopped", e);
    } finally {
      running = false;
      long timeout = config.shutdownTimeout().toMillis();
      for (PartitionWorker w : workers.values()) {
        if (!w.close(timeout)) {
          logger.warn("Partition {}: the write in flight did not finish in {} ms; it will be replayed", w.partition, timeout);
        }
      }
      try {
        commit(c, workers.values());
      } catch (RuntimeException e) {
        logger.warn("Final offset commit failed: {}", e.toString());
      }
      try {
        c.close(Duration.ofSeconds(10));
      } catch (RuntimeException e) {
        logger.warn("Closing the consumer failed: {}", e.toString());
      }
    }
  }

  /** Pauses partitions with {@code parallelism} messages outstanding, resumes them at half; updates lag. */
  private void flowControl(KafkaConsumer<String, byte[]> c) {
    int limit = config.parallelism();
    for (PartitionWorker w : workers.values()) {
      int outstanding = w.outstanding();
      if (!w.paused && outstanding >= limit) {
        c.pause(List.of(w.partition));
        w.paused = true;
        paused.incrementAndGet();
      } else if (w.paused && outstanding <= limit / 2) {
        c.resume(List.of(w.partition));
        w.paused = false;
        paused.decrementAndGet();
      }
      c.currentLag(w.partition).ifPresent(w::brokerLag);
    }
  }

  /** Commits, for each partition, the offset after its last written message. */
  private void commit(KafkaConsumer<String, byte[]> c, Collection<PartitionWorker> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (PartitionWorker w : partitions) {
      long offset = w.writtenOffset();
      if (offset > w.committedOffset) {
        offsets.put(w.partition, new OffsetAndMetadata(offset));
      }
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      c.commitSync(offsets, Duration.ofSeconds(10));
      commits.increment();
      for (PartitionWorker w : partitions) {
        OffsetAndMetadata o = offsets.get(w.partition);
        if (o != null) {
          w.committedOffset = o.offset();
        }
      }
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      commitErrors.increment();
      logger.warn("Committing offsets {} failed (retried at the next interval): {}", offsets, e.toString());
    }
  }

  /** Decodes and writes one batch of a partition; false when closed before the batch was written. */
  private boolean process(TopicPartition tp, List<ConsumerRecord<String, byte[]>> batch, BooleanSupplier closed) {
    List<Span> spans = new ArrayList<>(batch.size());
    List<Long> offsets = new ArrayList<>(batch.size());
    for (ConsumerRecord<String, byte[]> r : batch) {
      try {
        spans.add(config.encoding().decode(r.value()));
        offsets.add(r.offset());
      } catch (RuntimeException e) {
        skippedDecode.increment();
        logger.warn("Skipping poison message at topic {} partition {} offset {}: {}",
            tp.topic(), tp.partition(), r.offset(), e.getMessage());
      }
    }
    return spans.isEmpty() || write(tp, spans, offsets, closed);
  }

  private boolean write(TopicPartition tp, List<Span> spans, List<Long> offsets, BooleanSupplier closed) {
    long backoff = 100;
    int failures = 0;
    while (true) {
      if (closed.getAsBoolean()) {
        return false;
      }
      try {
        writer.write(spans);
        written.increment(spans.size());
        if (failures > 0) {
          logger.info("Partition {}: storage writes succeed again after {} failures", tp, failures);
        }
        return true;
      } catch (StorageException e) {
        writeErrors.increment();
        failures++;
        if (failures == 1 || failures % 20 == 0) {
          logger.warn("Partition {}: writing {} spans failed ({} times so far), retrying: {}",
              tp, spans.size(), failures, e.getMessage());
        }
        sleep(backoff, closed);
        backoff = Math.min(backoff * 2, config.retryBackoffMax().toMillis());
      } catch (RuntimeException e) {
        if (spans.size() == 1) {
          skippedRejected.increment();
          logger.warn("Skipping message at topic {} partition {} offset {}: the storage refused its span: {}",
              tp.topic(), tp.partition(), offsets.get(0), e.toString());
          return true;
        }
        // Something in the batch is refused: write one by one to skip only what is refused.
        for (int i = 0; i < spans.size(); i++) {
          if (!write(tp, List.of(spans.get(i)), List.of(offsets.get(i)), closed)) {
            return false;
          }
        }
        return true;
      }
    }
  }

  private static void sleep(long millis, BooleanSupplier closed) {
    long deadline = System.currentTimeMillis() + millis;
    while (!closed.getAsBoolean() && System.currentTimeMillis() < deadline) {
      try {
        Thread.sleep(Math.min(50, Math.max(1, deadline - System.currentTimeMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Finishes the batches in flight, commits their offsets, leaves the group. Idempotent. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null && running) {
      running = false;
      try {
        pollThread.join(config.shutdownTimeout().toMillis() + 20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (pollThread.isAlive()) {
        c.wakeup();
      }
    }
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs on the poll thread, inside {@code poll}. */
  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition tp : partitions) {
        PartitionWorker w = new PartitionWorker(tp, pool, Ingester.this::process, config.batchSize());
        workers.put(tp, w);
        lagGauges.put(tp, Gauge.builder("spoor.ingester.consumer.lag", w, PartitionWorker::lag)
            .tag("topic", tp.topic()).tag("partition", Integer.toString(tp.partition()))
            .description("Messages of the partition not yet written to storage").register(registry));
      }
      logger.info("Assigned partitions {}", partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      List<PartitionWorker> revoked = remove(partitions);
      long timeout = config.shutdownTimeout().toMillis();
      for (PartitionWorker w : revoked) {
        w.close(timeout);
      }
      KafkaConsumer<String, byte[]> c = consumer;
      if (c != null && !revoked.isEmpty()) {
        commit(c, revoked);
      }
      logger.info("Revoked partitions {}", partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      for (PartitionWorker w : remove(partitions)) {
        w.close(0);
      }
      logger.warn("Lost partitions {}; their uncommitted messages will be consumed again", partitions);
    }

    private List<PartitionWorker> remove(Collection<TopicPartition> partitions) {
      List<PartitionWorker> removed = new ArrayList<>();
      for (TopicPartition tp : partitions) {
        PartitionWorker w = workers.remove(tp);
        if (w != null) {
          if (w.paused) {
            paused.decrementAndGet();
          }
          removed.add(w);
        }
        Gauge g = lagGauges.remove(tp);
        if (g != null) {
          registry.remove(g);
        }
      }
      return removed;
    }
  }
}
