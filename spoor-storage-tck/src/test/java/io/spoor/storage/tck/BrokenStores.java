package io.spoor.storage.tck;

import io.spoor.storage.Storage;
import io.spoor.storage.tck.ScanningStorage.Defect;
import java.util.Set;

/** Suites against stores with one deliberate defect each. Run by {@link TckSelfTest}. */
final class BrokenStores {
  private BrokenStores() {}

  static class DropsDuplicateSpanIds extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return new ScanningStorage(Set.of(), Defect.DROPS_DUPLICATE_SPAN_IDS);
    }
  }

  static class DropsLateBatches extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return new ScanningStorage(Set.of(), Defect.DROPS_LATE_BATCHES);
    }
  }

  static class IgnoresLimit extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return new ScanningStorage(Set.of(), Defect.IGNORES_LIMIT);
    }
  }

  static class OldestFirst extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return new ScanningStorage(Set.of(), Defect.OLDEST_FIRST);
    }
  }

  static class IgnoresLogFields extends AbstractFixtureQueriesTest {
    @Override
    protected Storage createStorage() {
      return new ScanningStorage(Set.of(), Defect.IGNORES_LOG_FIELDS);
    }
  }
}
