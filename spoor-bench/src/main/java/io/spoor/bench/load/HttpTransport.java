package io.spoor.bench.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * HTTP/1.1 POSTs with the JDK client. Each instance has its own {@link HttpClient}, hence its own connection
 * pool; with one request in flight at a time it keeps exactly one connection alive, so N transports are N
 * connections. The response body is read and discarded so the connection can be reused.
 */
final class HttpTransport implements Transport {
  private final HttpClient client;
  private final URI endpoint;
  private final String contentType;
  private final Duration timeout;

  HttpTransport(URI endpoint, String contentType, Duration timeout) {
    this.endpoint = requireNonNull(endpoint, "endpoint");
    this.contentType = requireNonNull(contentType, "contentType");
    this.timeout = requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .build();
  }

  @Override
  public Outcome send(byte[] body) throws InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(timeout)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    try {
      return Outcome.ofHttpStatus(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
    } catch (IOException e) {
      return Outcome.ofException(e);
    }
  }

  @Override
  public void close() {
    // The Java 17 HttpClient has no close(); its selector thread ends once the client is unreachable.
  }
}
