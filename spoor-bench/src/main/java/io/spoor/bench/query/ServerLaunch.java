package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * How to start one server under test on loopback and where to reach it: the command, its environment,
 * the Zipkin ingest endpoint, the query API's root, the health URL and a Prometheus exposition with a
 * counter of stored (Spoor) or received (Zipkin) spans.
 */
record ServerLaunch(String name, QueryApi api, List<String> command, Map<String, String> environment,
    URI ingest, URI queryBase, URI health, URI metrics, String spanCounter) {

  ServerLaunch {
    requireNonNull(name, "name");
    requireNonNull(api, "api");
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    requireNonNull(ingest, "ingest");
    requireNonNull(queryBase, "queryBase");
    requireNonNull(health, "health");
    requireNonNull(metrics, "metrics");
    requireNonNull(spanCounter, "spanCounter");
  }

  /**
   * Zipkin's exec jar with in-memory storage holding at least {@code maxSpans}; one port (taken from
   * {@code ports}) serves ingest, query, health and metrics. The listen address needs Armeria's Spring
   * property, and overriding one element of {@code armeria.ports} replaces the list, so port, address and
   * protocol are all given.
   */
  static ServerLaunch zipkin(Path java, Path executableJar, String heap, int maxSpans, IntSupplier ports) {
    int port = ports.getAsInt();
    URI base = URI.create("http://127.0.0.1:" + port);
    return new ServerLaunch("zipkin", QueryApi.ZIPKIN,
        List.of(java.toString(), "-Xmx" + heap, "-jar", executableJar.toString(),
            "--armeria.ports[0].port=" + port, "--armeria.ports[0].ip=127.0.0.1",
            "--armeria.ports[0].protocols[0]=http"),
        Map.of("STORAGE_TYPE", "mem", "MEM_MAX_SPANS", Integer.toString(maxSpans), "QUERY_PORT",
            Integer.toString(port)),
        base.resolve("/api/v2/spans"), base, base.resolve("/health"), base.resolve("/prometheus"),
        "zipkin_collector_spans_total");
  }

  /**
   * Spoor's all-in-one from {@code spoorJar} with memory storage keeping up to {@code maxTraces} traces,
   * every one of its seven ports on 127.0.0.1 (from {@code ports}), so nothing clashes with other processes.
   */
  static ServerLaunch spoor(Path java, Path spoorJar, String heap, int maxTraces, IntSupplier ports) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPAN_STORAGE_TYPE", "memory");
    env.put("MEMORY_MAX_TRACES", Integer.toString(maxTraces));
    for (String variable : List.of("COLLECTOR_GRPC_SERVER_HOST_PORT", "COLLECTOR_HTTP_SERVER_HOST_PORT",
        "COLLECTOR_OTLP_GRPC_HOST_PORT", "COLLECTOR_OTLP_HTTP_HOST_PORT")) {
      env.put(variable, "127.0.0.1:" + ports.getAsInt());
    }
    int zipkin = ports.getAsInt();
    int query = ports.getAsInt();
    int admin = ports.getAsInt();
    env.put("COLLECTOR_ZIPKIN_HOST_PORT", "127.0.0.1:" + zipkin);
    env.put("QUERY_HTTP_SERVER_HOST_PORT", "127.0.0.1:" + query);
    env.put("ADMIN_HTTP_HOST_PORT", "127.0.0.1:" + admin);
    URI adminBase = URI.create("http://127.0.0.1:" + admin);
    return new ServerLaunch("spoor", QueryApi.SPOOR,
        List.of(java.toString(), "-Xmx" + heap, "-jar", spoorJar.toString(), "all-in-one"), env,
        URI.create("http://127.0.0.1:" + zipkin + "/api/v2/spans"), URI.create("http://127.0.0.1:" + query),
        adminBase.resolve("/health"), adminBase.resolve("/metrics"), "spoor_collector_spans_saved_total");
  }
}
