package io.spoor.bench.compare;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Sums the heap pools of Micrometer's {@code jvm_memory_used_bytes{area="heap",...}} gauge in a Prometheus
 * text exposition, as Zipkin's {@code /prometheus} (and any Micrometer-instrumented server) publishes it.
 */
final class PrometheusHeapProbe implements HeapProbe {
  private static final String METRIC = "jvm_memory_used_bytes{";

  private final URI uri;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  PrometheusHeapProbe(URI uri) {
    this.uri = requireNonNull(uri, "uri");
  }

  @Override
  public OptionalLong usedHeapBytes() throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? parse(response.body()) : OptionalLong.empty();
    } catch (IOException e) {
      return OptionalLong.empty();
    }
  }

  /** The sum over the heap pools, empty if the exposition has none. */
  static OptionalLong parse(String exposition) {
    double sum = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      int labelsEnd = line.lastIndexOf('}');
      if (!line.startsWith(METRIC) || labelsEnd < 0 || !line.substring(0, labelsEnd).contains("area=\"heap\"")) {
        continue;
      }
      String[] rest = line.substring(labelsEnd + 1).trim().split("\\s+");
      try {
        sum += Double.parseDouble(rest[0]);
        found = true;
      } catch (NumberFormatException notANumber) {
        // a malformed sample line is skipped, not fatal
      }
    }
    return found ? OptionalLong.of((long) sum) : OptionalLong.empty();
  }

  @Override
  public String source() {
    return "prometheus";
  }
}
