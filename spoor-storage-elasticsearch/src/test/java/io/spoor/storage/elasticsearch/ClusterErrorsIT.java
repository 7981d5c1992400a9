package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.spoor.storage.HealthStatus;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.testkit.Ports;
import io.spoor.testkit.search.SearchEngine;
import io.spoor.testkit.search.SearchServerExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an operator sees when the cluster is unreachable, refuses the credentials or is red. */
class ClusterErrorsIT {
  @RegisterExtension
  static final SearchServerExtension NODE = SearchServerExtension.of(SearchEngine.OPENSEARCH);

  @Test
  void anUnreachableClusterIsNamedAtStart() {
    int port = Ports.free();
    try (Storage storage = TestClusters.storage("opensearch", "http://127.0.0.1:" + port, "nowhere",
        "es.timeout", "2s")) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot reach the cluster at http://127.0.0.1:" + port);
      assertThat(storage.check().healthy()).isFalse();
    }
  }

  @Test
  void aSecondServerUrlIsUsedWhenTheFirstRefusesConnections() {
    String urls = "http://127.0.0.1:" + Ports.free() + "," + NODE.url();
    try (Storage storage = TestClusters.storage("opensearch", urls, "failover")) {
      storage.start();
      assertThat(storage.spanReader().getServices()).isEmpty();
      assertThat(storage.spanReader().getServices()).isEmpty();
    }
  }

  /**
   * The test node runs without the security plugin, so a plain HTTP endpoint that demands
   * credentials, as a secured cluster or a proxy in front of one does, stands in for it.
   */
  @Test
  void refusedCredentialsAreReportedAsAnAuthenticationFailure() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
      exchange.sendResponseHeaders(401, -1);
      exchange.close();
    });
    server.start();
    try (Storage storage = TestClusters.storage("elasticsearch",
        "http://127.0.0.1:" + server.getAddress().getPort(), "secured", "es.username", "spoor",
        "es.password", "wrong")) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("authentication failed (HTTP 401)")
          .hasMessageContaining("--es.username");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void redJaegerIndicesFailTheStartAndTheHealthCheck() {
    RestCalls rest = new RestCalls(NODE.url());
    try (Storage healthy = TestClusters.storage("opensearch", NODE.url(), "red")) {
      healthy.start();
      assertThat(healthy.check()).isEqualTo(HealthStatus.OK);
      // a primary that can be allocated nowhere: the index, and so the Jaeger indices, are red
      rest.json("PUT", "/red-jaeger-span-2020-01-01?wait_for_active_shards=0",
          "{\"settings\":{\"index.number_of_replicas\":0,\"index.routing.allocation.require._name\":\"nowhere\"}}");
      try (Storage starting = TestClusters.storage("opensearch", NODE.url(), "red")) {
        assertThatThrownBy(starting::start).isInstanceOf(StorageException.class)
            .hasMessageContaining("red-jaeger-* are red").hasMessageContaining("unassigned");
      }
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
        HealthStatus status = healthy.check();
        assertThat(status.healthy()).isFalse();
        assertThat(status.reason()).contains("are red");
      });
    } finally {
      rest.send("DELETE", "/red-jaeger-span-2020-01-01", null);
    }
  }
}
