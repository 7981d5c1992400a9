package io.spoor.storage.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.junit.jupiter.api.Test;

/**
 * The suites themselves: a plain scanning store passes them, skipping exactly what needs a
 * capability it lacks, and each deliberate defect makes the tests that guard against it fail.
 */
class TckSelfTest {

  private static Events run(Class<?> suite) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute().testEvents();
  }

  private static List<String> names(Events events) {
    return events.stream().map(e -> e.getTestDescriptor().getDisplayName()).sorted().toList();
  }

  @Test
  void aStoreWithoutCapabilitiesPassesAndSkipsWithReasons() {
    Events events = run(ScanningStorageSuites.class);
    assertThat(names(events.failed())).isEmpty();
    assertThat(names(events.aborted())).containsExactly(
        "Multi-spot Tags + Duration range", "Multi-spot Tags + Duration range",
        "Multi-spot Tags + Operation name + Duration range", "Multi-spot Tags + Operation name + Duration range",
        "Multi-spot Tags + Operation name + max Duration", "Multi-spot Tags + Operation name + max Duration",
        "Multi-spot Tags + max Duration", "Multi-spot Tags + max Duration",
        "Tags + Duration range", "Tags + Duration range",
        "Tags + Operation name + Duration range", "Tags + Operation name + Duration range",
        "Tags + Operation name + max Duration", "Tags + Operation name + max Duration",
        "Tags + max Duration", "Tags + max Duration",
        "extendedTagOperators()", "getOperationsReturnsSpanKindsAndFiltersByKind()",
        "linksAreDerivedFromParentSpansInOtherServices()", "searchWithoutService()");
    assertThat(events.aborted().stream().map(TckSelfTest::reason))
        .allSatisfy(reason -> assertThat(reason).startsWith("Assumption failed: backend lacks Capability."));
    assertThat(events.succeeded().count()).isEqualTo(2 * 22 - 16 + 9 - 1 + 11 - 2 + 4 - 1);
  }

  @Test
  void droppingDuplicateSpanIdsFails() {
    assertThat(names(run(BrokenStores.DropsDuplicateSpanIds.class).failed()))
        .containsExactly("spansSharingAnIdAreAllKept()");
  }

  @Test
  void droppingLaterBatchesOfATraceFails() {
    assertThat(names(run(BrokenStores.DropsLateBatches.class).failed()))
        .containsExactly("traceWrittenInSeveralBatchesReadsBackWhole()");
  }

  @Test
  void ignoringTheLimitFails() {
    assertThat(names(run(BrokenStores.IgnoresLimit.class).failed()))
        .containsExactly("limitCountsTracesNotSpans()");
  }

  @Test
  void returningOldestFirstFails() {
    assertThat(names(run(BrokenStores.OldestFirst.class).failed()))
        .containsExactly("limitCountsTracesNotSpans()", "tracesComeNewestFirst()");
  }

  @Test
  void ignoringLogFieldsFailsTheFixtureQueriesThatNeedThem() {
    assertThat(names(run(BrokenStores.IgnoresLogFields.class).failed())).containsExactly(
        "Multi-spot Tags + Operation name", "Multi-spot Tags + Operation name",
        "Tags in different spots", "Tags in different spots",
        "Tags in one spot - Logs", "Tags in one spot - Logs");
  }

  private static String reason(Event event) {
    Optional<Throwable> cause = event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable);
    return cause.map(Throwable::getMessage).orElse("");
  }
}
