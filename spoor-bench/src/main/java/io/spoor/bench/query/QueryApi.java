package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The two query APIs under comparison: how to ask each for a trace by id and for the newest traces of a
 * service, and how to count what an answer holds, so that every timed answer can be checked afterwards.
 */
enum QueryApi {
  /** Jaeger's HTTP JSON API as Spoor serves it: {@code {"data":[trace...]}}. */
  SPOOR {
    @Override
    URI traceUri(URI base, String traceIdHex) {
      return resolve(base, "/api/traces/" + traceIdHex);
    }

    @Override
    URI searchUri(URI base, String service, int limit, SearchWindow window) {
      return resolve(base, "/api/traces?service=" + encode(service) + "&limit=" + limit
          + "&start=" + window.startMicros() + "&end=" + window.endMicros());
    }

    @Override
    int spansOfTrace(byte[] body) throws IOException {
      JsonNode data = data(body);
      if (data.size() != 1) {
        throw new IOException("trace answer: " + data.size() + " traces in data (expected: 1)");
      }
      return array(data.get(0).get("spans"), "data[0].spans").size();
    }

    @Override
    int tracesOfSearch(byte[] body) throws IOException {
      return data(body).size();
    }

    private JsonNode data(byte[] body) throws IOException {
      return array(JSON.readTree(body).get("data"), "data");
    }
  },

  /** Zipkin's v2 API: a trace is a list of spans, a search a list of traces. */
  ZIPKIN {
    @Override
    URI traceUri(URI base, String traceIdHex) {
      return resolve(base, "/api/v2/trace/" + traceIdHex);
    }

    @Override
    URI searchUri(URI base, String service, int limit, SearchWindow window) {
      return resolve(base, "/api/v2/traces?serviceName=" + encode(service) + "&limit=" + limit
          + "&endTs=" + window.zipkinEndTsMillis() + "&lookback=" + window.zipkinLookbackMillis());
    }

    @Override
    int spansOfTrace(byte[] body) throws IOException {
      return array(JSON.readTree(body), "answer").size();
    }

    @Override
    int tracesOfSearch(byte[] body) throws IOException {
      return array(JSON.readTree(body), "answer").size();
    }
  };

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code GET} this for one trace; {@code base} is the query server's root, e.g. {@code http://127.0.0.1:16686}. */
  abstract URI traceUri(URI base, String traceIdHex);

  /** {@code GET} this for at most {@code limit} traces of {@code service} within {@code window}. */
  abstract URI searchUri(URI base, String service, int limit, SearchWindow window);

  /**
   * The number of spans in a trace-by-id answer.
   *
   * @throws IOException if the body is not the API's shape
   */
  abstract int spansOfTrace(byte[] body) throws IOException;

  /**
   * The number of traces in a search answer.
   *
   * @throws IOException if the body is not the API's shape
   */
  abstract int tracesOfSearch(byte[] body) throws IOException;

  private static URI resolve(URI base, String pathAndQuery) {
    requireNonNull(base, "base");
    String root = base.toString();
    return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + pathAndQuery);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode array(JsonNode node, String what) throws IOException {
    if (node == null || !node.isArray()) {
      throw new IOException(what + ": " + (node == null ? "missing" : node.getNodeType())
          + " (expected: a JSON array)");
    }
    return node;
  }
}
