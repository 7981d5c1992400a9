package io.spoor.storage.kafka;

import io.spoor.model.Span;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.StorageException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Sends one message per span (key: trace id, value: the span in the topic's encoding) and returns
 * once Kafka acknowledged all of them. A write waits at most about twice {@code max-wait}: once for
 * metadata or buffer space while sending, once for the acknowledgement (Kafka's delivery timeout);
 * then it fails with a {@link StorageException}. Spans sent before a failure may have been written:
 * the caller retries the whole batch and readers de-duplicate identical spans.
 */
final class KafkaSpanWriter implements SpanWriter {
  private final Producer<String, byte[]> producer;
  private final String topic;
  private final SpanEncoding encoding;
  private final long waitNanos;

  private final AtomicLong spansWritten = new AtomicLong();
  private final AtomicLong spansFailed = new AtomicLong();
  private final AtomicLong bytesWritten = new AtomicLong();
  private final AtomicLong writeFailures = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private volatile @Nullable String lastFailure;

  KafkaSpanWriter(Producer<String, byte[]> producer, String topic, SpanEncoding encoding, Duration maxWait) {
    this.producer = producer;
    this.topic = topic;
    this.encoding = encoding;
    this.waitNanos = maxWait.toNanos();
  }

  @Override
  public void write(List<Span> spans) {
    if (spans.isEmpty()) {
      return;
    }
    long start = System.nanoTime();
    List<Future<RecordMetadata>> sent = new ArrayList<>(spans.size());
    long bytes = 0;
    inFlight.addAndGet(spans.size());
    try {
      for (Span span : spans) {
        byte[] value = encoding.encode(span);
        bytes += value.length;
        sent.add(producer.send(new ProducerRecord<>(topic, SpanEncoding.key(span), value)));
      }
      // A send blocks at most max.block.ms; each record fails at most delivery.timeout.ms after it was
      // sent. The deadline below only guards against a client that does not keep its own promise.
      long deadline = start + 2 * waitNanos + TimeUnit.SECONDS.toNanos(1);
      for (Future<RecordMetadata> f : sent) {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (ExecutionException e) {
      throw failed(spans.size(), e.getCause() == null ? e : e.getCause());
    } catch (TimeoutException e) {
      throw failed(spans.size(), new TimeoutException("no acknowledgement within "
          + TimeUnit.NANOSECONDS.toMillis(2 * waitNanos) + "ms"));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(spans.size(), e);
    } catch (RuntimeException e) {
      throw failed(spans.size(), e);
    } finally {
      inFlight.addAndGet(-spans.size());
    }
    spansWritten.addAndGet(spans.size());
    bytesWritten.addAndGet(bytes);
    lastFailure = null;
  }

  private StorageException failed(int spans, Throwable cause) {
    spansFailed.addAndGet(spans);
    writeFailures.incrementAndGet();
    String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    lastFailure = message;
    return new StorageException("kafka: writing " + spans + " spans to topic " + topic + " failed: " + message, cause);
  }

  @Nullable String lastFailure() {
    return lastFailure;
  }

  /** {@code spoor_storage_kafka_*}: spans written/failed, bytes written, failed writes, spans in flight. */
  Map<String, Double> metrics() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("spoor_storage_kafka_spans_written_total", (double) spansWritten.get());
    m.put("spoor_storage_kafka_spans_failed_total", (double) spansFailed.get());
    m.put("spoor_storage_kafka_bytes_written_total", (double) bytesWritten.get());
    m.put("spoor_storage_kafka_write_failures_total", (double) writeFailures.get());
    m.put("spoor_storage_kafka_spans_in_flight", (double) inFlight.get());
    return m;
  }
}
