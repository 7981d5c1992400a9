package io.spoor.storage.tck;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spoor.model.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Jaeger's storage conformance data as Spoor model objects: the trace fixtures as {@link Span}s and
 * the query cases as {@link FixtureQuery}s.
 *
 * <p>As in Jaeger's harness, every date {@code 2017-01-26} in the files is rewritten to the day
 * {@linkplain #shiftedTo(LocalDate) given} (normally yesterday, UTC) and {@code 2017-01-25} to the day
 * before, keeping the time of day, so that the data falls inside retention windows and daily
 * indices. Immutable and thread-safe; every call parses the file again and returns new lists.
 */
public final class ConformanceFixtures {
  private static final String ROOT = "fixtures/";
  private static final String FIXTURE_DAY = "2017-01-26";
  private static final String FIXTURE_DAY_BEFORE = "2017-01-25";

  private final ObjectMapper mapper = new ObjectMapper();
  private final LocalDate day;

  private ConformanceFixtures(LocalDate day) {
    this.day = day;
  }

  /** Dates of the fixtures moved so that {@code 2017-01-26} becomes yesterday by {@code clock} (UTC). */
  public static ConformanceFixtures relativeTo(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return shiftedTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1));
  }

  /** Dates of the fixtures moved so that {@code 2017-01-26} becomes {@code day}. */
  public static ConformanceFixtures shiftedTo(LocalDate day) {
    return new ConformanceFixtures(Objects.requireNonNull(day, "day"));
  }

  /** The day {@code 2017-01-26} was moved to. */
  public LocalDate day() {
    return day;
  }

  /**
   * The spans of {@code traces/<name>.json}, in file order.
   *
   * @throws IllegalArgumentException when there is no such fixture or it is malformed
   */
  public List<Span> trace(String name) {
    JsonNode root = read("traces/" + Objects.requireNonNull(name, "name") + ".json");
    JsonNode spans = root.path("spans");
    if (!spans.isArray()) {
      throw new IllegalArgumentException("fixture " + name + ": no \"spans\" array (expected: a v1 Trace)");
    }
    List<Span> out = new ArrayList<>(spans.size());
    for (JsonNode span : spans) {
      out.add(FixtureSpanParser.parseSpan(span));
    }
    return out;
  }

  /** The cases of {@code queries.json}, where typed tag values are JSON numbers and booleans. */
  public List<FixtureQuery> queries() {
    return queries("queries.json");
  }

  /**
   * The cases of the older {@code queries.json} in which every tag value is a JSON string, as the
   * HTTP API hands them to a reader. They convert to the same queries as {@link #queries()}.
   */
  public List<FixtureQuery> stringTagQueries() {
    return queries("string-tag-queries/queries.json");
  }

  private List<FixtureQuery> queries(String path) {
    JsonNode root = read(path);
    if (!root.isArray()) {
      throw new IllegalArgumentException(path + ": not a JSON array (expected: query cases)");
    }
    List<FixtureQuery> out = new ArrayList<>(root.size());
    for (JsonNode testCase : root) {
      out.add(FixtureQueryParser.parseCase(testCase));
    }
    return out;
  }

  /** Rewrites the fixture dates in raw JSON text, as Jaeger's harness does before parsing. */
  String shiftDates(String json) {
    return json.replace(FIXTURE_DAY, day.toString())
        .replace(FIXTURE_DAY_BEFORE, day.minusDays(1).toString());
  }

  private JsonNode read(String path) {
    String text;
    try (InputStream in = ConformanceFixtures.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new IllegalArgumentException("fixture: " + path + " (expected: a file under "
            + ConformanceFixtures.class.getPackageName().replace('.', '/') + "/" + ROOT + ")");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + path, e);
    }
    try {
      return mapper.readTree(shiftDates(text));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("fixture " + path + ": malformed JSON: " + e.getOriginalMessage(), e);
    }
  }
}
