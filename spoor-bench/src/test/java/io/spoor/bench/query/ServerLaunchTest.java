package io.spoor.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class ServerLaunchTest {
  private final AtomicInteger next = new AtomicInteger(50_000);
  private final IntSupplier ports = next::incrementAndGet;
  private final Path java = Path.of("/jdk/bin/java");

  @Test
  void zipkinServesEverythingOnOneLoopbackPortWithAMemoryStoreForAllSpans() {
    ServerLaunch zipkin = ServerLaunch.zipkin(java, Path.of("/m2/zipkin.jar"), "3g", 1_000_000, ports);

    assertThat(zipkin.name()).isEqualTo("zipkin");
    assertThat(zipkin.api()).isEqualTo(QueryApi.ZIPKIN);
    assertThat(zipkin.command()).containsExactly("/jdk/bin/java", "-Xmx3g", "-jar", "/m2/zipkin.jar",
        "--armeria.ports[0].port=50001", "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].protocols[0]=http");
    assertThat(zipkin.environment()).containsExactlyInAnyOrderEntriesOf(Map.of("STORAGE_TYPE", "mem",
        "MEM_MAX_SPANS", "1000000", "QUERY_PORT", "50001"));
    assertThat(zipkin.ingest()).hasToString("http://127.0.0.1:50001/api/v2/spans");
    assertThat(zipkin.queryBase()).hasToString("http://127.0.0.1:50001");
    assertThat(zipkin.health()).hasToString("http://127.0.0.1:50001/health");
    assertThat(zipkin.metrics()).hasToString("http://127.0.0.1:50001/prometheus");
    assertThat(zipkin.spanCounter()).isEqualTo("zipkin_collector_spans_total");
  }

  @Test
  void spoorsAllInOneHasEveryPortOnLoopbackAndAStoreForAllTraces() {
    ServerLaunch spoor = ServerLaunch.spoor(java, Path.of("spoor.jar"), "3g", 1_000_000, ports);

    assertThat(spoor.command()).containsExactly("/jdk/bin/java", "-Xmx3g", "-jar", "spoor.jar", "all-in-one");
    assertThat(spoor.environment()).containsOnlyKeys("SPAN_STORAGE_TYPE", "MEMORY_MAX_TRACES",
            "COLLECTOR_GRPC_SERVER_HOST_PORT", "COLLECTOR_HTTP_SERVER_HOST_PORT", "COLLECTOR_OTLP_GRPC_HOST_PORT",
            "COLLECTOR_OTLP_HTTP_HOST_PORT", "COLLECTOR_ZIPKIN_HOST_PORT", "QUERY_HTTP_SERVER_HOST_PORT",
            "ADMIN_HTTP_HOST_PORT")
        .containsEntry("SPAN_STORAGE_TYPE", "memory")
        .containsEntry("MEMORY_MAX_TRACES", "1000000")
        .containsEntry("COLLECTOR_ZIPKIN_HOST_PORT", "127.0.0.1:50005")
        .containsEntry("QUERY_HTTP_SERVER_HOST_PORT", "127.0.0.1:50006")
        .containsEntry("ADMIN_HTTP_HOST_PORT", "127.0.0.1:50007");
    assertThat(spoor.environment().entrySet()).filteredOn(e -> e.getKey().endsWith("HOST_PORT"))
        .hasSize(7).allSatisfy(e -> assertThat(e.getValue()).startsWith("127.0.0.1:"))
        .extracting(Map.Entry::getValue).doesNotHaveDuplicates();
    assertThat(spoor.ingest()).hasToString("http://127.0.0.1:50005/api/v2/spans");
    assertThat(spoor.queryBase()).hasToString("http://127.0.0.1:50006");
    assertThat(spoor.health()).hasToString("http://127.0.0.1:50007/health");
    assertThat(spoor.metrics()).hasToString("http://127.0.0.1:50007/metrics");
    assertThat(spoor.spanCounter()).isEqualTo("spoor_collector_spans_saved_total");
  }
}
