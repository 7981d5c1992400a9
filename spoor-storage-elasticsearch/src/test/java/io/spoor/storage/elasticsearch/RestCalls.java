package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain REST calls to the test node, as an operator or Jaeger itself would make them. */
final class RestCalls {
  private final HttpClient http = HttpClient.newHttpClient();
  private final String url;

  RestCalls(String url) {
    this.url = url;
  }

  Answer send(String method, String path, String body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
          .header("Content-Type", "application/json")
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body());
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  JsonNode json(String method, String path, String body) {
    Answer a = send(method, path, body);
    if (a.status >= 300) {
      throw new AssertionError(method + " " + path + " answered " + a.status + ": " + a.body);
    }
    try {
      return EsClient.JSON.readTree(a.body);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  record Answer(int status, String body) {}
}
