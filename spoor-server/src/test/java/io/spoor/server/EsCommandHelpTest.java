package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code spoor es} documents its tools and their options; no cluster needed. */
class EsCommandHelpTest {
  @Test
  void esHelpListsTheTools() {
    SpoorRun run = SpoorRun.run(new RecordingStorageFactory(), "es", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("(?m)^\\s+index-cleaner\\s+Delete Jaeger indices")
        .containsPattern("(?m)^\\s+rollover\\s+Manage rollover indices");
    assertThat(SpoorRun.run(new RecordingStorageFactory(), "--help").out())
        .containsPattern("(?m)^\\s+es\\s+Elasticsearch/OpenSearch index maintenance");
  }

  @Test
  void toolHelpShowsTheConnectionOptionsAndTheirEnvironment() {
    SpoorRun cleaner = SpoorRun.run(new RecordingStorageFactory(), "es", "index-cleaner", "--help");
    assertThat(cleaner.exitCode()).isZero();
    assertThat(cleaner.out()).contains("--days=<n>").contains("--rollover").contains("--es.server-urls=<urls>")
        .contains("--es.index-prefix=<prefix>").contains("A_B_C");
    SpoorRun rollover = SpoorRun.run(new RecordingStorageFactory(), "es", "rollover", "--help");
    assertThat(rollover.out()).contains("init|rollover|lookback").contains("--conditions=<json>")
        .contains("--unit-count=<n>");
  }
}
