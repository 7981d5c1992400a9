package io.spoor.testkit.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A real OpenSearch node: starts, keeps a refreshed document over a kill and a graceful restart. */
class SearchServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void openSearchKeepsItsDataOverKillAndRestart() throws Exception {
    try (SearchServer server = SearchServer.start(SearchEngine.OPENSEARCH,
        Path.of("target", "search-selftest", "opensearch"), "384m")) {
      assertThat(server.isHealthy()).isTrue();
      assertThat(send(server, "PUT", "/selftest/_doc/1?refresh=true", "{\"a\":\"b\"}").statusCode()).isIn(200, 201);

      server.kill();
      assertThat(server.process().isAlive()).isFalse();
      server.start();
      assertThat(send(server, "GET", "/selftest/_doc/1", null).body()).contains("\"a\":\"b\"");

      server.restart();
      HttpResponse<String> root = send(server, "GET", "/", null);
      assertThat(root.body()).contains("\"distribution\" : \"opensearch\"").contains("2.19.6");
      assertThat(send(server, "GET", "/selftest/_doc/1", null).body()).contains("\"found\":true");
      server.stop();
      assertThat(server.isHealthy()).isFalse();
    }
  }

  private HttpResponse<String> send(SearchServer server, String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
