package io.spoor.storage.cassandra;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** Counters of the Cassandra backend, exported as {@code spoor_storage_cassandra_*}. */
final class CassandraMetrics {
  final LongAdder spansWritten = new LongAdder();
  final LongAdder spansFailed = new LongAdder();
  final LongAdder requests = new LongAdder();
  final LongAdder requestFailures = new LongAdder();
  final LongAdder retries = new LongAdder();
  final LongAdder inFlightTimeouts = new LongAdder();
  final LongAdder tagIndexSkipped = new LongAdder();
  final LongAdder readFailures = new LongAdder();
  final LongAdder tracesRead = new LongAdder();
  private volatile IntSupplier inFlight = () -> 0;
  private volatile IntSupplier nodesUp = () -> 0;

  void inFlight(IntSupplier supplier) {
    this.inFlight = supplier;
  }

  void nodesUp(IntSupplier supplier) {
    this.nodesUp = supplier;
  }

  Map<String, Double> snapshot() {
    Map<String, Double> m = new LinkedHashMap<>();
    String p = "spoor_storage_cassandra_";
    m.put(p + "spans_written_total", (double) spansWritten.sum());
    m.put(p + "spans_failed_total", (double) spansFailed.sum());
    m.put(p + "requests_total", (double) requests.sum());
    m.put(p + "request_failures_total", (double) requestFailures.sum());
    m.put(p + "retries_total", (double) retries.sum());
    m.put(p + "in_flight_timeouts_total", (double) inFlightTimeouts.sum());
    m.put(p + "tag_index_skipped_total", (double) tagIndexSkipped.sum());
    m.put(p + "read_failures_total", (double) readFailures.sum());
    m.put(p + "traces_read_total", (double) tracesRead.sum());
    m.put(p + "requests_in_flight", (double) inFlight.getAsInt());
    m.put(p + "nodes_up", (double) nodesUp.getAsInt());
    return m;
  }
}
