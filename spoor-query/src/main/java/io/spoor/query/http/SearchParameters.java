package io.spoor.query.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.spoor.model.TraceId;
import io.spoor.storage.GoDuration;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Parses the parameters of {@code GET /api/traces} as Jaeger does, plus Spoor's extensions: search
 * without {@code service}, {@code lookback} honoured when {@code start} is absent, and tag
 * expressions (see {@link TagExpressionParser}) when {@code tags} is not a JSON object.
 */
final class SearchParameters {
  /** Jaeger's default search window when neither {@code start} nor {@code lookback} is given. */
  static final Duration DEFAULT_LOOKBACK = Duration.ofDays(2);

  private static final JsonFactory JSON = new JsonFactory();

  private final Clock clock;

  SearchParameters(Clock clock) {
    this.clock = clock;
  }

  /** @throws IllegalArgumentException with the message for the 400 answer */
  SearchRequest parse(Map<String, List<String>> params) {
    List<TraceId> ids = new ArrayList<>();
    for (String id : all(params, "traceID")) {
      ids.add(traceId(id, "traceID"));
    }
    boolean raw = bool(params, "raw");

    TraceQuery.Builder q = TraceQuery.newBuilder()
        .serviceName(first(params, "service"))
        .operationName(first(params, "operation"));
    Map<String, String> exact = new LinkedHashMap<>();
    List<TagFilter> extended = new ArrayList<>();
    for (String tags : all(params, "tags")) {
      if (tags.trim().startsWith("{")) {
        exact.putAll(jsonTags(tags));
      } else {
        extended.addAll(TagExpressionParser.parse(tags));
      }
    }
    for (String tag : all(params, "tag")) {
      int colon = tag.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException(
            "malformed 'tag' parameter, expecting key:value, received: " + tag);
      }
      exact.put(tag.substring(0, colon), tag.substring(colon + 1));
    }
    exact.forEach((k, v) -> q.addTag(TagFilter.equalTo(k, v)));
    extended.forEach(q::addTag);

    long nowMicros = Math.multiplyExact(clock.millis(), 1000L);
    Long end = micros(params, "end");
    Long start = micros(params, "start");
    long endMicros = end != null ? end : nowMicros;
    long startMicros;
    if (start != null) {
      startMicros = start;
    } else {
      startMicros = endMicros - lookback(first(params, "lookback")).toNanos() / 1000;
    }
    if (endMicros < startMicros) {
      throw new IllegalArgumentException("'end' " + endMicros + " is before 'start' " + startMicros);
    }
    q.startTimeMinNanos(Math.multiplyExact(startMicros, 1000L))
        .startTimeMaxNanos(Math.multiplyExact(endMicros, 1000L));

    Duration min = duration(params, "minDuration");
    Duration max = duration(params, "maxDuration");
    if (min != null && max != null && max.compareTo(min) < 0) {
      throw new IllegalArgumentException("'maxDuration' should be greater than 'minDuration'");
    }
    if (min != null) {
      q.durationMin(min);
    }
    if (max != null) {
      q.durationMax(max);
    }
    String limit = first(params, "limit");
    if (limit != null && !limit.isEmpty()) {
      int n;
      try {
        n = Integer.parseInt(limit);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("unable to parse param 'limit': " + limit + " (expected: an integer)");
      }
      if (n < 0) {
        throw new IllegalArgumentException("'limit': " + n + " (expected: >= 0; 0 means the default)");
      }
      q.limit(n == 0 ? TraceQuery.DEFAULT_LIMIT : n);
    }
    return new SearchRequest(ids, q.build(), raw);
  }

  static TraceId traceId(String hex, String param) {
    try {
      return TraceId.parse(hex);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed '" + param + "' parameter: " + e.getMessage(), e);
    }
  }

  static boolean bool(Map<String, List<String>> params, String name) {
    String v = first(params, name);
    return v != null && (v.isEmpty() || v.equalsIgnoreCase("true") || v.equals("1"));
  }

  static @Nullable String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  static List<String> all(Map<String, List<String>> params, String name) {
    return params.getOrDefault(name, List.of());
  }

  static @Nullable Long micros(Map<String, List<String>> params, String name) {
    String v = first(params, name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("unable to parse param '" + name + "': " + v
          + " (expected: microseconds since the epoch)");
    }
  }

  private static @Nullable Duration duration(Map<String, List<String>> params, String name) {
    String v = first(params, name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      Duration d = GoDuration.parse(v);
      if (d.isNegative()) {
        throw new IllegalArgumentException("\"" + v + "\" (expected: >= 0)");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unable to parse param '" + name + "': " + e.getMessage(), e);
    }
  }

  /** {@code 1h}, {@code 90m}, {@code 2d}, {@code 1w}; absent, empty or {@code custom} → the default. */
  static Duration lookback(@Nullable String v) {
    if (v == null || v.isEmpty() || v.equals("custom")) {
      return DEFAULT_LOOKBACK;
    }
    try {
      if (v.matches("\\d+d")) {
        return Duration.ofDays(Long.parseLong(v.substring(0, v.length() - 1)));
      }
      if (v.matches("\\d+w")) {
        return Duration.ofDays(7 * Long.parseLong(v.substring(0, v.length() - 1)));
      }
      Duration d = GoDuration.parse(v);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("\"" + v + "\" (expected: > 0)");
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unable to parse param 'lookback': " + v
          + " (expected: a duration such as 1h, 2d or 1w)", e);
    }
  }

  private static Map<String, String> jsonTags(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("expected a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if (value == null || value.isStructStart()) {
          throw new IOException("value of " + key + " must be a string");
        }
        out.put(key, value == JsonToken.VALUE_NULL ? "" : p.getText());
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("unexpected content after the object");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "malformed 'tags' parameter, cannot unmarshal JSON: " + e.getMessage().split("\n")[0], e);
    }
    return out;
  }
}
