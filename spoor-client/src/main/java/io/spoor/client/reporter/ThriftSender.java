package io.spoor.client.reporter;

import io.spoor.client.ClientMetrics;
import io.spoor.client.SpoorSpan;
import io.spoor.client.SpoorTracer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Batches spans encoded with Jaeger Thrift so that no batch exceeds a byte limit, and hands each batch
 * to a transport. The process (service name and tags) comes from the span's tracer; spans of another
 * tracer start a new batch.
 */
abstract class ThriftSender implements Sender {
  private static final System.Logger LOG = System.getLogger("io.spoor.client.reporter");

  final JaegerThriftEncoder encoder;
  private final int maxBatchBytes;
  private final ClientMetrics metrics;
  private final List<byte[]> pending = new ArrayList<>();
  private int pendingBytes;
  private byte @Nullable [] process;
  private @Nullable SpoorTracer processOwner;
  private long failures;
  private boolean closed;

  ThriftSender(ThriftOutput output, int maxBatchBytes, ClientMetrics metrics) {
    this.encoder = new JaegerThriftEncoder(output);
    this.maxBatchBytes = maxBatchBytes;
    this.metrics = metrics;
  }

  /** Sends one batch: the encoded process and spans. */
  abstract void send(byte[] process, List<byte[]> spans) throws IOException, InterruptedException;

  /** Releases the transport. */
  abstract void closeTransport();

  @Override
  public final void append(SpoorSpan span) {
    if (closed) {
      metrics.spansDropped(1, ClientMetrics.DropReason.CLOSED);
      return;
    }
    if (span.tracer() != processOwner || process == null) {
      flush();
      process = encoder.process(span.tracer().serviceName(), span.tracer().processTags());
      processOwner = span.tracer();
    }
    byte[] bytes = encoder.span(span);
    int overhead = process.length + JaegerThriftEncoder.EMIT_BATCH_OVERHEAD;
    if (bytes.length + overhead > maxBatchBytes) {
      metrics.spansDropped(1, ClientMetrics.DropReason.TOO_LARGE);
      return;
    }
    if (pendingBytes + bytes.length + overhead > maxBatchBytes) {
      flush();
    }
    pending.add(bytes);
    pendingBytes += bytes.length;
  }

  @Override
  public final void flush() {
    if (pending.isEmpty() || process == null) {
      return;
    }
    int count = pending.size();
    try {
      send(process, pending);
      metrics.spansReported(count);
    } catch (IOException | RuntimeException e) {
      metrics.spansFailed(count);
      if (failures++ % 100 == 0) { // the first failure and then every 100th, not one line per batch
        LOG.log(System.Logger.Level.WARNING, "could not send " + count + " spans (failure " + failures + "): " + e);
      }
    } catch (InterruptedException e) {
      metrics.spansFailed(count);
      Thread.currentThread().interrupt();
    } finally {
      pending.clear();
      pendingBytes = 0;
    }
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    flush();
    closed = true;
    closeTransport();
  }
}
