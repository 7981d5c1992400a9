package io.spoor.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.Span;
import io.spoor.model.TraceId;
import io.spoor.storage.Capability;
import io.spoor.storage.TraceQuery;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Jaeger's storage integration queries ({@code queries.json}): the union of every case's expected
 * fixtures is written once into one store, then every case must return exactly its own traces, whole
 * and field by field. One dynamic test per case, named by its caption.
 *
 * <p>Only the expected fixtures are written. That leaves out {@code example_trace}, whose trace id
 * 0x11 collides with {@code default.json} in this copy of the fixtures (Jaeger fixed it later).
 */
public abstract class AbstractFixtureQueriesTest extends AbstractStorageTest {

  /** Cases with typed tag values (numbers, booleans), as in Jaeger's current {@code queries.json}. */
  @TestFactory
  Stream<DynamicTest> queriesReturnExactlyTheExpectedTraces() {
    return run(fixtures().queries());
  }

  /** The same cases with every tag value a string, as the HTTP API passes them. */
  @TestFactory
  Stream<DynamicTest> stringTagQueriesReturnExactlyTheExpectedTraces() {
    return run(fixtures().stringTagQueries());
  }

  private Stream<DynamicTest> run(List<FixtureQuery> cases) {
    Set<String> names = new LinkedHashSet<>();
    for (FixtureQuery c : cases) {
      names.addAll(c.expectedFixtures());
    }
    List<Span> all = new ArrayList<>();
    for (String name : names) {
      all.addAll(fixtures().trace(name));
    }
    write(all);
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.caption(), () -> check(c)));
  }

  private void check(FixtureQuery c) {
    TraceQuery query = c.query();
    if (!query.tags().isEmpty() && query.hasDurationBounds()) {
      assumeCapability(Capability.TAGS_WITH_DURATION, "the query combines tags with a duration range");
    }
    List<Span> expectedSpans = new ArrayList<>();
    for (String name : c.expectedFixtures()) {
      expectedSpans.addAll(fixtures().trace(name));
    }
    Map<TraceId, List<Span>> expected = SpanAssertions.byTrace(expectedSpans);
    eventually(() -> {
      SpanAssertions.assertTraces(c.caption(), reader().findTraces(query), expected);
      assertThat(reader().findTraceIds(query)).as("%s: findTraceIds", c.caption())
          .containsExactlyInAnyOrderElementsOf(expected.keySet());
    });
  }
}
