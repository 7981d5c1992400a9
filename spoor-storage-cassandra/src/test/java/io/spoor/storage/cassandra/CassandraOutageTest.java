package io.spoor.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.testkit.Ports;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The cluster unreachable at start, a refused login, and the node going away under writes and coming back. */
@ExtendWith(CassandraExtension.class)
class CassandraOutageTest {

  @Test
  void unreachableAtStartFailsWithTheAddressAndTheFlags(CassandraServer node) {
    int closed = Ports.free();
    try (Storage storage = TestCassandra.storage(node, CassandraStorageTest.KEYSPACE,
        "cassandra.port", Integer.toString(closed), "cassandra.connect-timeout", "2s")) {
      long t0 = System.nanoTime();
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("cassandra: cannot connect to [127.0.0.1:" + closed + "]")
          .hasMessageContaining("--cassandra.servers, --cassandra.port");
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
      assertThat(storage.check().healthy()).isFalse();
    }
  }

  @Test
  void aRefusedLoginSaysSo(CassandraServer node) {
    try (Storage storage = TestCassandra.storage(node, CassandraStorageTest.KEYSPACE,
        "cassandra.password", "wrong")) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("login to [127.0.0.1:" + node.cqlPort() + "] refused for user \"cassandra\"")
          .hasMessageContaining("--cassandra.username, --cassandra.password");
    }
  }

  @Test
  void writesFailWhileTheNodeIsDownAndSucceedOnceItIsBack(CassandraServer node) {
    try (Storage storage = TestCassandra.storage(node, CassandraStorageTest.KEYSPACE,
        "cassandra.timeout", "2s", "cassandra.max-retry-attempts", "1")) {
      storage.start();
      storage.spanWriter().write(List.of(span(0x0a7a1, 1)));
      assertThat(storage.check().healthy()).isTrue();

      node.stop(); // graceful: the acknowledged span is flushed (a kill -9 may lose the last period of the commit log)
      try {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThatThrownBy(() -> storage.spanWriter().write(List.of(span(0x0a7a2, 1))))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("cassandra: writing 1 spans"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !storage.check().healthy());
        assertThat(storage.check().reason()).contains("none of 1 nodes is up");
        Map<String, Double> metrics = storage.metrics();
        assertThat(metrics.get("spoor_storage_cassandra_spans_failed_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(metrics.get("spoor_storage_cassandra_request_failures_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(metrics.get("spoor_storage_cassandra_nodes_up")).isEqualTo(0.0);
      } finally {
        node.start();
      }
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .ignoreExceptions().untilAsserted(() -> storage.spanWriter().write(List.of(span(0x0a7a3, 1))));
      await().atMost(Duration.ofSeconds(30)).until(() -> storage.check().healthy());
      assertThat(storage.spanReader().getTrace(TraceId.of(0x0a7a1))).as("written before the crash").isPresent();
      assertThat(storage.spanReader().getTrace(TraceId.of(0x0a7a3))).as("written after the return").isPresent();
      assertThat(storage.metrics().get("spoor_storage_cassandra_nodes_up")).isEqualTo(1.0);
    }
  }

  private static Span span(long traceId, long spanId) {
    return Span.newBuilder().traceId(TraceId.of(traceId)).spanId(SpanId.of(spanId)).operationName("op")
        .process(Process.of("outage-service")).startTimeNanos(System.currentTimeMillis() * 1_000_000L)
        .durationNanos(1_000).build();
  }
}
