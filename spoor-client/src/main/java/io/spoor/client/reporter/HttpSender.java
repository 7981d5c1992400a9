package io.spoor.client.reporter;

import static java.util.Objects.requireNonNull;

import io.spoor.client.ClientMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Posts spans to a Jaeger collector's {@code /api/traces} (port 14268) as Thrift binary {@code Batch}
 * bodies ({@code application/x-thrift}), with an optional bearer token, using the JDK's HTTP client. A
 * status other than 2xx counts the batch's spans as failed.
 */
public final class HttpSender extends ThriftSender {
  /** The default largest body: 1 MiB. */
  public static final int DEFAULT_MAX_BATCH_BYTES = 1 << 20;

  private final URI endpoint;
  private final @Nullable String authorization;
  private @Nullable HttpClient client;

  /**
   * A sender.
   *
   * @param endpoint e.g. {@code http://collector:14268/api/traces}
   * @param bearerToken the token for {@code Authorization: Bearer}, or null
   * @throws IllegalArgumentException when the endpoint is not an http(s) URL or the limit is below 1024
   */
  public HttpSender(URI endpoint, @Nullable String bearerToken, int maxBatchBytes, ClientMetrics metrics) {
    super(ThriftOutput.binary(), checkBatch(maxBatchBytes), requireNonNull(metrics, "metrics"));
    this.endpoint = requireNonNull(endpoint, "endpoint");
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("collector endpoint: " + endpoint + " (expected: an http or https URL)");
    }
    this.authorization = bearerToken == null || bearerToken.isEmpty() ? null : "Bearer " + bearerToken;
  }

  private static int checkBatch(int bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("max batch bytes: " + bytes + " (expected: >= 1024)");
    }
    return bytes;
  }

  @Override
  void send(byte[] process, List<byte[]> spans) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-thrift")
        .POST(HttpRequest.BodyPublishers.ofByteArray(encoder.batch(process, spans)));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (client == null) {
      // created on first send: the JDK client starts a selector thread (a daemon that ends with the client)
      client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      String body = response.body();
      throw new IOException("collector " + endpoint + ": HTTP " + response.statusCode() + " "
          + body.substring(0, Math.min(200, body.length())));
    }
  }

  @Override
  void closeTransport() {
    client = null; // Java 17's HttpClient has no close(); its daemon threads end once it is unreachable
  }

  @Override
  public String toString() {
    return "HttpSender(" + endpoint + ")";
  }
}
