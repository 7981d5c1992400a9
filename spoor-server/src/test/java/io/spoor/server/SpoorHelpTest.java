package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpoorHelpTest {
  /** Help text with line wrapping undone. */
  private static String flat(String help) {
    return help.replaceAll("\\s+", " ");
  }

  @Test
  void topLevelHelpListsSubcommandsAndOptions() {
    SpoorRun run = SpoorRun.run(new RecordingStorageFactory(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("(?m)^\\s+version\\s+Print the version")
        .containsPattern("(?m)^\\s+config\\s+Print the effective configuration")
        .containsPattern("(?m)^\\s+help\\s+")
        .contains("--log-level=<level>");
    assertThat(flat(run.out())).contains("Usage: spoor [-hV] [--log-level=<level>] COMMAND")
        .contains("trace, debug, info, warn, error. Default: info. Env: LOG_LEVEL.")
        .contains("-h, --help")
        .contains("-V, --version")
        .contains("environment variable A_B_C");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void withoutSubcommandPrintsHelp() {
    SpoorRun run = SpoorRun.run(new RecordingStorageFactory());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: spoor").contains("config");
  }

  @Test
  void storageCommandHelpListsTypeAndEveryBackendsOptionsOnce() {
    SpoorRun run = SpoorRun.run(Map.of(), List.of(new RecordingStorageFactory(), new OtherFactory()),
        "config", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--span-storage.type=<type>")
        .contains("Storage backends (select with --span-storage.type or SPAN_STORAGE_TYPE):")
        .containsPattern("(?m)^  recording:$")
        .containsPattern("(?m)^\\s+--recording.max-traces=<max-traces>\\s+Traces kept; 0 keeps all\\.")
        .containsPattern("(?m)^  other:$")
        .contains("--other.servers=<servers>")
        .contains("--log-level=<level>");
    assertThat(flat(run.out()))
        .contains("Traces kept; 0 keeps all. Default: 0. Env: RECORDING_MAX_TRACES.")
        .contains("Default: memory. Env: SPAN_STORAGE_TYPE.")
        .contains("environment variable A_B_C");
    assertThat(run.out().split("--recording.max-traces=", -1)).hasSize(2);
  }

  @Test
  void helpSubcommandShowsASubcommandsHelp() {
    SpoorRun run = SpoorRun.run(new RecordingStorageFactory(), "help", "config");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: spoor config").contains("--recording.max-traces");
  }
}
