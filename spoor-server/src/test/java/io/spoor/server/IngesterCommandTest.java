package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.storage.StorageFactory;
import io.spoor.testkit.Ports;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code spoor ingester} and the kafka backend as the command line presents them; no broker needed. */
class IngesterCommandTest {
  private final List<StorageFactory> factories = StorageFactory.available();

  @Test
  void helpListsJaegersConsumerFlagsAndTheAdminPort() {
    SpoorRun run = SpoorRun.run(Map.of(), factories, "ingester", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--kafka.consumer.brokers", "--kafka.consumer.topic", "--kafka.consumer.group-id",
        "--kafka.consumer.encoding", "--kafka.consumer.client-id", "--ingester.parallelism",
        "--ingester.commit-interval", ":14270", "jaeger-ingester");
    assertThat(SpoorRun.run(Map.of(), factories, "--help").out()).contains("ingester");
    assertThat(SpoorRun.run(Map.of(), factories, "collector", "--help").out())
        .contains("--kafka.producer.brokers", "--kafka.producer.encoding", "--kafka.producer.max-wait");
  }

  @Test
  void invalidConsumerOptionsAreOneLineAndExitCode2() {
    SpoorRun run = SpoorRun.run(Map.of("KAFKA_CONSUMER_ENCODING", "avro"), factories, "ingester");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(
        "spoor ingester: invalid configuration: --kafka.consumer.encoding: \"avro\" (expected: one of protobuf, json)");
    assertThat(SpoorRun.run(Map.of(), factories, "ingester", "--ingester.parallelism=0").err())
        .contains("--ingester.parallelism: 0 (expected: a positive number)");
    assertThat(SpoorRun.run(Map.of(), factories, "ingester", "--ingester.commit-interval=soon").err())
        .contains("--ingester.commit-interval:");
  }

  @Test
  void theIngesterCannotWriteBackIntoKafka() {
    SpoorRun run = SpoorRun.run(Map.of("SPAN_STORAGE_TYPE", "kafka"), factories, "ingester");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("\"kafka\" (expected: the backend the ingester writes to, not kafka itself)");
  }

  @Test
  void unreachableBrokersStopTheCollectorAtStartWithOneLine() {
    SpoorRun run = SpoorRun.run(Map.of("SPAN_STORAGE_TYPE", "kafka",
        "KAFKA_PRODUCER_BROKERS", "127.0.0.1:" + Ports.free(), "KAFKA_PRODUCER_MAX_WAIT", "300ms",
        "COLLECTOR_GRPC_SERVER_HOST_PORT", "127.0.0.1:0", "COLLECTOR_HTTP_SERVER_HOST_PORT", "127.0.0.1:0",
        "COLLECTOR_OTLP_GRPC_HOST_PORT", "127.0.0.1:0", "COLLECTOR_OTLP_HTTP_HOST_PORT", "127.0.0.1:0",
        "COLLECTOR_ZIPKIN_HOST_PORT", "127.0.0.1:0", "ADMIN_HTTP_HOST_PORT", "127.0.0.1:0"), factories, "collector");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("spoor collector: cannot start: kafka: brokers 127.0.0.1:",
        "did not answer for topic jaeger-spans within 300ms");
  }

  @Test
  void theQueryCannotReadFromKafkaAndSaysWhatToDoInstead() {
    SpoorRun run = SpoorRun.run(Map.of("SPAN_STORAGE_TYPE", "kafka", "KAFKA_PRODUCER_BROKERS", "127.0.0.1:" + Ports.free(),
        "QUERY_HTTP_SERVER_HOST_PORT", "127.0.0.1:0", "QUERY_GRPC_SERVER_HOST_PORT", "127.0.0.1:0",
        "ADMIN_HTTP_HOST_PORT", "127.0.0.1:0", "KAFKA_PRODUCER_MAX_WAIT", "300ms"), factories, "query");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("cannot start");
  }
}
