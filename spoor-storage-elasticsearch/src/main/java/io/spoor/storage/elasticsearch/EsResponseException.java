package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import io.spoor.storage.StorageException;

/** The cluster answered with an HTTP error status; the message carries its own error reason. */
final class EsResponseException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  EsResponseException(String method, String path, int status, String body) {
    super(method + " " + path + " failed with HTTP " + status + ": " + reason(body));
    this.status = status;
    this.body = body;
  }

  int status() {
    return status;
  }

  /** The {@code error.type} of the answer, or empty. */
  String errorType() {
    try {
      JsonNode error = EsClient.JSON.readTree(body).path("error");
      return error.path("type").asText("");
    } catch (Exception e) {
      return "";
    }
  }

  private static String reason(String body) {
    try {
      JsonNode error = EsClient.JSON.readTree(body).path("error");
      if (error.isObject()) {
        return error.path("type").asText() + ": " + error.path("reason").asText();
      }
      if (error.isTextual()) {
        return error.asText();
      }
    } catch (Exception ignored) {
      // not JSON: show the start of the body
    }
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
