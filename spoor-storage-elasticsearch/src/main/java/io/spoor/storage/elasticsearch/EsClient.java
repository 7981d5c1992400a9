package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spoor.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * The cluster's REST API over {@code java.net.http}: JSON in, JSON out, basic authentication, TLS, the
 * server URLs in turn (a node that refuses the connection is skipped). Errors keep the cluster's own
 * message: {@link EsResponseException} for an HTTP error status, {@link StorageException} naming the
 * URL for an unreachable cluster, a timeout or failed authentication. Thread-safe.
 */
final class EsClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final List<URI> urls;
  private final @Nullable String authorization;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicInteger next = new AtomicInteger();

  EsClient(EsConfig config) {
    this.urls = config.serverUrls();
    this.timeout = config.timeout();
    this.authorization = config.username() == null ? null : "Basic " + Base64.getEncoder().encodeToString(
        (config.username() + ":" + (config.password() == null ? "" : config.password()))
            .getBytes(StandardCharsets.UTF_8));
    AtomicInteger threads = new AtomicInteger();
    HttpClient.Builder builder = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(Math.min(10, Math.max(1, timeout.toSeconds()))))
        .executor(Executors.newFixedThreadPool(2, r -> {
          Thread t = new Thread(r, "spoor-es-http-" + threads.incrementAndGet());
          t.setDaemon(true);
          return t;
        }));
    if (config.tlsEnabled()) {
      builder.sslContext(sslContext(config));
      if (config.tlsSkipHostVerify()) {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm(null);
        builder.sslParameters(parameters);
      }
    }
    this.http = builder.build();
  }

  /** The cluster's answer to {@code method path} with a JSON body (or none). */
  JsonNode request(String method, String path, @Nullable String body) {
    HttpResponse<InputStream> response = send(method, path, body, "application/json", timeout);
    return parse(method, path, response);
  }

  /** {@link #request(String, String, String)} with its own timeout (health checks must answer fast). */
  JsonNode request(String method, String path, Duration requestTimeout) {
    HttpResponse<InputStream> response = send(method, path, null, "application/json", requestTimeout);
    return parse(method, path, response);
  }

  JsonNode request(String method, String path, JsonNode body) {
    return request(method, path, body.toString());
  }

  /** {@code _bulk} with an NDJSON body. */
  JsonNode bulk(String ndjson) {
    HttpResponse<InputStream> response = send("POST", "/_bulk", ndjson, "application/x-ndjson", timeout);
    return parse("POST", "/_bulk", response);
  }

  /** The status of {@code HEAD path}: 200 when the index, alias or template exists, 404 when not. */
  int head(String path) {
    HttpResponse<InputStream> response = send("HEAD", path, null, "application/json", timeout);
    try (InputStream ignored = response.body()) {
      int status = response.statusCode();
      checkAuth(status, "HEAD", path);
      return status;
    } catch (IOException e) {
      return response.statusCode();
    }
  }

  private JsonNode parse(String method, String path, HttpResponse<InputStream> response) {
    int status = response.statusCode();
    checkAuth(status, method, path);
    byte[] bytes;
    try (InputStream in = response.body()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new StorageException("reading the answer to " + method + " " + path + " failed: " + e.getMessage(), e);
    }
    if (status >= 300) {
      throw new EsResponseException(method, path, status, new String(bytes, StandardCharsets.UTF_8));
    }
    try {
      return bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
    } catch (IOException e) {
      throw new StorageException(method + " " + path + ": the cluster answered something other than JSON: "
          + new String(bytes, 0, Math.min(200, bytes.length), StandardCharsets.UTF_8), e);
    }
  }

  private void checkAuth(int status, String method, String path) {
    if (status == 401) {
      throw new StorageException("authentication failed (HTTP 401) for " + method + " " + path + " at " + urls
          + ": check --es.username and --es.password");
    }
    if (status == 403) {
      throw new StorageException("permission denied (HTTP 403) for " + method + " " + path + " at " + urls
          + ": the user needs index and cluster monitor privileges on the Jaeger indices");
    }
  }

  private HttpResponse<InputStream> send(String method, String path, @Nullable String body, String contentType,
      Duration timeout) {
    StorageException last = null;
    for (int attempt = 0; attempt < urls.size(); attempt++) {
      URI base = urls.get(Math.floorMod(next.getAndIncrement(), urls.size()));
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(timeout)
          .header("Content-Type", contentType)
          .header("Accept", "application/json")
          .method(method, body == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (ConnectException | HttpConnectTimeoutException e) {
        last = new StorageException("cannot reach the cluster at " + base + " (" + method + " " + path + "): "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
      } catch (HttpTimeoutException e) {
        throw new StorageException(method + " " + path + " at " + base + " timed out after "
            + timeout.toMillis() + " ms" + (timeout.equals(this.timeout) ? " (--es.timeout)" : ""), e);
      } catch (IOException e) {
        last = new StorageException("request " + method + " " + path + " to " + base + " failed: "
            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StorageException("interrupted during " + method + " " + path, e);
      }
    }
    throw last;
  }

  private static SSLContext sslContext(EsConfig config) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      if (config.tlsSkipHostVerify()) {
        context.init(null, new TrustManager[] {new TrustingManager()}, null);
      } else if (config.tlsCa() != null) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(config.tlsCa())) {
          for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            store.setCertificateEntry("ca-" + i++, cert);
          }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        context.init(null, tmf.getTrustManagers(), null);
      } else {
        context.init(null, null, null);
      }
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("--es.tls.*: cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** For {@code --es.tls.skip-host-verify}: accepts every certificate. */
  private static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }

  @Override
  public void close() {
    http.executor().ifPresent(e -> ((java.util.concurrent.ExecutorService) e).shutdownNow());
  }
}
