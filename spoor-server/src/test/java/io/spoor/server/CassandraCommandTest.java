package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.storage.StorageFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code spoor cassandra init} without a cluster: help, bad options (exit 2), unreachable (exit 1). */
class CassandraCommandTest {
  @Test
  void helpListsInitAndItsOptions() {
    SpoorRun group = SpoorRun.run(Map.of(), StorageFactory.available(), "cassandra");
    assertThat(group.exitCode()).isZero();
    assertThat(group.out()).contains("init").contains("Create the keyspace and the tables of Jaeger's Cassandra schema v004");
    SpoorRun help = SpoorRun.run(Map.of(), StorageFactory.available(), "cassandra", "init", "--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out().replaceAll("\\s+", " ")).contains("--cassandra.keyspace=<keyspace>").contains("Env: CASSANDRA_KEYSPACE.")
        .contains("Default: jaeger_v1_test.").contains("--cassandra.replication-factor").contains("--cassandra.span-ttl")
        .contains("--cassandra.dependencies-ttl").contains("--cassandra.tls.ca")
        .doesNotContain("--cassandra.index.tags").doesNotContain("--cassandra.max-in-flight");
  }

  @Test
  void aBadValueIsOneLineAndExitCode2() {
    SpoorRun run = SpoorRun.run(Map.of("CASSANDRA_PORT", "abc"), StorageFactory.available(), "cassandra", "init");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).isEqualTo(
        "spoor cassandra init: invalid configuration: --cassandra.port: \"abc\" (expected: an integer)");
  }

  @Test
  void anUnreachableClusterIsOneLineAndExitCode1() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    SpoorRun run = SpoorRun.run(Map.of(), StorageFactory.available(), "cassandra", "init",
        "--cassandra.servers=127.0.0.1:" + closed, "--cassandra.connect-timeout=1s");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("spoor cassandra init: cassandra: cannot connect to [127.0.0.1:" + closed
        + "] (--cassandra.servers, --cassandra.port)");
  }
}
