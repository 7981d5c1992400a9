package io.spoor.bench.compare;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in collector for the driver's tests, run as a child JVM: {@code /health} answers 200,
 * {@code /api/v2/spans} 202, {@code /metrics} a Prometheus heap gauge. With the argument {@code fail} it
 * prints a message and exits with code 3, like a server refusing its configuration.
 */
final class FakeCollector {
  private FakeCollector() {}

  public static void main(String[] args) throws IOException {
    if (args[0].equals("fail")) {
      System.out.println("unknown flag: --collector.zipkin.host-port");
      System.exit(3);
    }
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 0);
    server.createContext("/health", exchange -> {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.createContext("/api/v2/spans", exchange -> {
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(202, -1);
      exchange.close();
    });
    server.createContext("/metrics", exchange -> {
      Runtime runtime = Runtime.getRuntime();
      byte[] body = ("jvm_memory_used_bytes{area=\"heap\",id=\"all\",} "
          + (runtime.totalMemory() - runtime.freeMemory()) + ".0\n").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }
}
