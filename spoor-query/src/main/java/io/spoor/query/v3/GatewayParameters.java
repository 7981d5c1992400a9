package io.spoor.query.v3;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.linecorp.armeria.common.QueryParams;
import io.spoor.storage.GoDuration;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The query string of one api_v3 request. Each parameter is looked up under its current camelCase
 * name first, then under its older snake_case aliases (Jaeger keeps both); an empty value counts as
 * absent, and of repeated values the first wins, as with Go's {@code url.Values.Get}. Every refusal is
 * an {@link IllegalArgumentException} whose message starts with {@code malformed parameter <name>}
 * (the name the client used).
 */
final class GatewayParameters {
  /** A parameter that was present, under the name the client used. */
  record Value(String name, String text) {}

  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");

  /** FindTraces / FindTraceSummaries parameters turned into a query. */
  record Search(TraceQuery query, boolean raw) {}

  private final QueryParams params;

  GatewayParameters(QueryParams params) {
    this.params = params;
  }

  /** The first non-empty value under {@code canonical}, else under each alias in turn; null if none. */
  @Nullable Value find(String canonical, String... aliases) {
    String v = params.get(canonical);
    if (v != null && !v.isEmpty()) {
      return new Value(canonical, v);
    }
    for (String alias : aliases) {
      v = params.get(alias);
      if (v != null && !v.isEmpty()) {
        return new Value(alias, v);
      }
    }
    return null;
  }

  /** The search of {@code GET /api/v3/traces} and {@code /api/v3/trace-summaries}. */
  Search search() {
    TraceQuery.Builder q = TraceQuery.newBuilder();
    Value service = find("query.serviceName", "query.service_name");
    Value operation = find("query.operationName", "query.operation_name");
    q.serviceName(service == null ? null : service.text());
    q.operationName(operation == null ? null : operation.text());

    Value min = find("query.startTimeMin", "query.start_time_min");
    Value max = find("query.startTimeMax", "query.start_time_max");
    if (min == null || max == null) {
      throw new IllegalArgumentException("query.start_time_min and query.start_time_max are required");
    }
    long minNanos = nanos(time(min));
    long maxNanos = nanos(time(max));
    if (maxNanos < minNanos) {
      throw new IllegalArgumentException("malformed parameter " + max.name() + ": " + max.text()
          + " (expected: not before " + min.name() + " " + min.text() + ")");
    }
    q.startTimeMinNanos(minNanos).startTimeMaxNanos(maxNanos);

    Value depth = find("query.searchDepth", "query.search_depth", "query.num_traces", "query.numTraces");
    if (depth != null) {
      q.limit(positiveInt(depth));
    }
    Value durationMin = find("query.durationMin", "query.duration_min");
    Value durationMax = find("query.durationMax", "query.duration_max");
    if (durationMin != null) {
      q.durationMinNanos(duration(durationMin).toNanos());
    }
    if (durationMax != null) {
      q.durationMaxNanos(duration(durationMax).toNanos());
    }
    if (durationMin != null && durationMax != null
        && duration(durationMax).compareTo(duration(durationMin)) < 0) {
      throw new IllegalArgumentException("malformed parameter " + durationMax.name() + ": "
          + durationMax.text() + " (expected: >= " + durationMin.name() + " " + durationMin.text() + ")");
    }
    Value attributes = find("query.attributes");
    if (attributes != null) {
      q.tags(attributes(attributes));
    }
    Value raw = find("query.rawTraces", "query.raw_traces");
    return new Search(q.build(), raw != null && bool(raw));
  }

  /** An RFC 3339 time such as {@code 2024-05-01T12:00:00.123456789Z}. */
  static Instant time(Value v) {
    try {
      return OffsetDateTime.parse(v.text(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("malformed parameter " + v.name() + ": \"" + v.text()
          + "\" (expected: an RFC 3339 time such as 2024-05-01T12:00:00.5Z)", e);
    }
  }

  /** Go's {@code strconv.ParseBool} spellings. */
  static boolean bool(Value v) {
    if (TRUE.contains(v.text())) {
      return true;
    }
    if (FALSE.contains(v.text())) {
      return false;
    }
    throw new IllegalArgumentException(
        "malformed parameter " + v.name() + ": \"" + v.text() + "\" (expected: true or false)");
  }

  /** Epoch nanoseconds, saturated to the range of a long (Go's zero time is year 1). */
  static long nanos(Instant instant) {
    try {
      return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException e) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static int positiveInt(Value v) {
    int n;
    try {
      n = Integer.parseInt(v.text());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "malformed parameter " + v.name() + ": \"" + v.text() + "\" (expected: an integer > 0)", e);
    }
    if (n <= 0) {
      throw new IllegalArgumentException("malformed parameter " + v.name() + ": " + n + " (expected: > 0)");
    }
    return n;
  }

  private static Duration duration(Value v) {
    Duration d;
    try {
      d = GoDuration.parse(v.text());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed parameter " + v.name() + ": " + e.getMessage(), e);
    }
    if (d.isNegative()) {
      throw new IllegalArgumentException(
          "malformed parameter " + v.name() + ": " + v.text() + " (expected: >= 0)");
    }
    return d;
  }

  /** A JSON object of attribute name to value; numbers and booleans are taken as their text. */
  private static List<TagFilter> attributes(Value v) {
    List<TagFilter> out = new ArrayList<>();
    try (JsonParser p = JSON.createParser(v.text())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw badAttributes(v, "not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if (value == null || !value.isScalarValue() || value == JsonToken.VALUE_NULL) {
          throw badAttributes(v, "the value of \"" + key + "\" is not a string");
        }
        out.add(TagFilter.equalTo(key, p.getText()));
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw badAttributes(v, "not a single JSON object");
      }
    } catch (JsonProcessingException e) {
      throw badAttributes(v, e.getOriginalMessage());
    } catch (IOException e) {
      throw badAttributes(v, e.toString());
    }
    return out;
  }

  private static IllegalArgumentException badAttributes(Value v, String why) {
    return new IllegalArgumentException("malformed parameter " + v.name() + ": " + why
        + " (expected: a JSON object of strings such as {\"http.method\":\"GET\"})");
  }
}
