package io.spoor.ingester;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The messages of one assigned partition between the poll loop and the storage: the poll loop
 * {@link #offer}s them, one writer at a time takes them in offset order in batches and hands them to
 * {@link BatchProcessor}; {@link #writtenOffset()} is the next offset to commit. {@link #close}
 * stops it after the batch in flight.
 */
final class PartitionWorker {
  /** Writes one batch; returns false when it gave up because the worker was closed. */
  @FunctionalInterface
  interface BatchProcessor {
    boolean process(TopicPartition partition, List<ConsumerRecord<String, byte[]>> batch, BooleanSupplier closed);
  }

  final TopicPartition partition;
  private final Executor executor;
  private final BatchProcessor processor;
  private final int batchSize;
  private final ArrayDeque<ConsumerRecord<String, byte[]>> pending = new ArrayDeque<>();
  private final AtomicInteger outstanding = new AtomicInteger();
  private boolean draining;
  private volatile boolean closed;
  private volatile long writtenOffset = -1;
  private volatile long brokerLag;

  // Only the poll thread touches these.
  long committedOffset = -1;
  boolean paused;

  PartitionWorker(TopicPartition partition, Executor executor, BatchProcessor processor, int batchSize) {
    this.partition = partition;
    this.executor = executor;
    this.processor = processor;
    this.batchSize = batchSize;
  }

  /** Queues records of this partition, in offset order, and makes sure a writer takes them. */
  synchronized void offer(List<ConsumerRecord<String, byte[]>> records) {
    if (closed || records.isEmpty()) {
      return;
    }
    pending.addAll(records);
    outstanding.addAndGet(records.size());
    if (!draining) {
      draining = true;
      executor.execute(this::drain);
    }
  }

  private void drain() {
    while (true) {
      List<ConsumerRecord<String, byte[]>> batch;
      synchronized (this) {
        if (closed || pending.isEmpty()) {
          draining = false;
          notifyAll();
          return;
        }
        batch = new ArrayList<>(Math.min(batchSize, pending.size()));
        while (batch.size() < batchSize && !pending.isEmpty()) {
          batch.add(pending.poll());
        }
      }
      boolean done;
      try {
        done = processor.process(partition, batch, () -> closed);
      } catch (RuntimeException | Error e) {
        synchronized (this) {
          draining = false;
          notifyAll();
        }
        throw e;
      }
      if (!done) {
        synchronized (this) {
          draining = false;
          notifyAll();
        }
        return;
      }
      writtenOffset = batch.get(batch.size() - 1).offset() + 1;
      outstanding.addAndGet(-batch.size());
    }
  }

  /** Messages taken from Kafka and not yet written. */
  int outstanding() {
    return outstanding.get();
  }

  /** The offset after the last written message, or -1 before the first write. */
  long writtenOffset() {
    return writtenOffset;
  }

  void brokerLag(long lag) {
    brokerLag = lag;
  }

  /** Messages behind the end of the partition: not yet fetched plus fetched and not yet written. */
  double lag() {
    return brokerLag + outstanding.get();
  }

  /** Stops taking batches and waits up to {@code timeoutMillis} for the one in flight. */
  synchronized boolean close(long timeoutMillis) {
    closed = true;
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (draining) {
      long left = deadline - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
