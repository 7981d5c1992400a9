package io.spoor.storage.tck;

import com.fasterxml.jackson.databind.JsonNode;
import io.spoor.model.KeyValue;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one case of Jaeger's {@code queries.json} ({@code {Caption, Query, ExpectedFixtures}}; the
 * query is Go's {@code TraceQueryParameters} as {@code encoding/json} writes it).
 *
 * <p>Tag values become text the way Spoor compares tags ({@link KeyValue#valueAsString()}): a string
 * as is, {@code true} as {@code "true"}, the integer {@code 123} as {@code "123"}, the float {@code
 * 72.5} as {@code "72.5"}. Durations are integers in nanoseconds, {@code 0} meaning no bound;
 * {@code NumTraces} is the limit ({@code 0}: the default).
 */
final class FixtureQueryParser {
  private FixtureQueryParser() {}

  static FixtureQuery parseCase(JsonNode json) {
    String caption = json.path("Caption").asText("");
    JsonNode q = json.path("Query");
    if (!q.isObject()) {
      throw new IllegalArgumentException("query case \"" + caption + "\": no Query object");
    }
    TraceQuery.Builder query = TraceQuery.newBuilder()
        .serviceName(q.path("ServiceName").asText(""))
        .operationName(q.path("OperationName").asText(""));
    for (Map.Entry<String, JsonNode> tag : q.path("Tags").properties()) {
      query.addTag(TagFilter.equalTo(tag.getKey(), tagText(tag.getValue(), caption)));
    }
    JsonNode min = q.path("StartTimeMin");
    if (!min.isMissingNode() && !min.isNull()) {
      query.startTimeMin(instant(min, caption));
    }
    JsonNode max = q.path("StartTimeMax");
    if (!max.isMissingNode() && !max.isNull()) {
      query.startTimeMax(instant(max, caption));
    }
    long durationMin = q.path("DurationMin").asLong(0);
    if (durationMin > 0) {
      query.durationMinNanos(durationMin);
    }
    long durationMax = q.path("DurationMax").asLong(0);
    if (durationMax > 0) {
      query.durationMaxNanos(durationMax);
    }
    int limit = q.path("NumTraces").asInt(0);
    if (limit > 0) {
      query.limit(limit);
    }
    List<String> expected = new ArrayList<>();
    for (JsonNode name : json.path("ExpectedFixtures")) {
      expected.add(name.asText());
    }
    return new FixtureQuery(caption, query.build(), expected);
  }

  private static String tagText(JsonNode value, String caption) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return Boolean.toString(value.asBoolean());
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return Long.toString(value.asLong());
    }
    if (value.isNumber()) {
      // Render as Spoor renders a float64 tag, so that 72.5 compares equal to a FLOAT64 tag of 72.5.
      return KeyValue.of("", value.asDouble()).valueAsString();
    }
    throw new IllegalArgumentException("query case \"" + caption + "\": tag value " + value
        + " (expected: a string, number or boolean)");
  }

  private static Instant instant(JsonNode json, String caption) {
    try {
      return Instant.parse(json.asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("query case \"" + caption + "\": time " + json
          + " (expected: RFC 3339 in UTC)", e);
    }
  }
}
