package io.spoor.storage.tck;

import io.spoor.storage.TraceQuery;
import java.util.List;
import java.util.Objects;

/**
 * One case of Jaeger's {@code queries.json}: a query and the fixture traces that must be exactly its
 * result.
 *
 * @param caption the case's name in Jaeger's suite, e.g. {@code "Tags + Operation name"}
 * @param query the criteria, with dates already shifted like the traces
 * @param expectedFixtures names of files under {@code traces/} without {@code .json}
 */
public record FixtureQuery(String caption, TraceQuery query, List<String> expectedFixtures) {
  public FixtureQuery {
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(query, "query");
    expectedFixtures = List.copyOf(expectedFixtures);
  }

  @Override
  public String toString() {
    return caption;
  }
}
