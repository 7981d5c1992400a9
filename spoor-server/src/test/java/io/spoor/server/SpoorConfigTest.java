package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.storage.StorageFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flag/environment binding, end to end through {@code spoor config}. */
class SpoorConfigTest {
  private final RecordingStorageFactory recording = new RecordingStorageFactory();
  private final List<StorageFactory> factories = List.of(recording, new OtherFactory());

  @Test
  void storageTypeFromEnvironmentOnly() {
    SpoorRun run = SpoorRun.run(Map.of("SPAN_STORAGE_TYPE", "recording"), factories, "config");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).startsWith("span-storage.type=recording  (env SPAN_STORAGE_TYPE)");
    assertThat(recording.created).hasSize(1);
  }

  @Test
  void storageTypeFromFlagOnly() {
    SpoorRun run = SpoorRun.run(Map.of(), factories, "config", "--span-storage.type=recording");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).startsWith("span-storage.type=recording  (flag --span-storage.type)");
  }

  @Test
  void flagBeatsEnvironment() {
    SpoorRun run = SpoorRun.run(
        Map.of("SPAN_STORAGE_TYPE", "other", "RECORDING_MAX_TRACES", "5"), factories,
        "config", "--span-storage.type", "recording", "--recording.max-traces=7");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).containsExactly(
        "span-storage.type=recording  (flag --span-storage.type)",
        "recording.max-traces=7  (flag --recording.max-traces)",
        "recording.password=  (default)",
        "configuration is valid (storage recording, not opened)");
    assertThat(recording.maxTraces).containsExactly(7);
  }

  @Test
  void backendOptionFromEnvironmentReachesTheFactorysSettings() {
    SpoorRun run = SpoorRun.run(
        Map.of("SPAN_STORAGE_TYPE", "recording", "RECORDING_MAX_TRACES", "500",
            "RECORDING_PASSWORD", "s3cret ${HOME}"),
        factories, "config");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(recording.created).hasSize(1);
    assertThat(recording.created.get(0).get("recording.max-traces")).contains("500");
    assertThat(recording.created.get(0).get("recording.password")).contains("s3cret ${HOME}");
    assertThat(recording.maxTraces).containsExactly(500);
    assertThat(run.outLines()).contains(
        "recording.max-traces=500  (env RECORDING_MAX_TRACES)",
        "recording.password=********  (env RECORDING_PASSWORD)");
  }

  @Test
  void unsetBackendOptionIsAbsentSoTheFactoryAppliesItsDefault() {
    SpoorRun run = SpoorRun.run(recording, "config", "--span-storage.type=recording");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(recording.created.get(0).get("recording.max-traces")).isEmpty();
    assertThat(run.outLines()).contains("recording.max-traces=0  (default)");
  }

  @Test
  void unknownStorageTypeFailsWithOneLineListingTheAvailableOnes() {
    SpoorRun run = SpoorRun.run(Map.of("SPAN_STORAGE_TYPE", "cassandra"), factories, "config");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("spoor config: --span-storage.type / SPAN_STORAGE_TYPE: \"cassandra\" "
        + "(expected: one of other, recording) (see 'spoor config --help')" + System.lineSeparator());
    assertThat(run.out()).isEmpty();
    assertThat(recording.created).isEmpty();
  }

  @Test
  void defaultTypeIsMemory() {
    SpoorRun run = SpoorRun.run(Map.of(), factories, "config");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("\"memory\" (expected: one of other, recording)");
  }

  @Test
  void invalidBackendValueFailsWithOneLineAndNoStackTrace() {
    SpoorRun run = SpoorRun.run(Map.of("RECORDING_MAX_TRACES", "lots"), factories,
        "config", "--span-storage.type=recording");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("spoor config: invalid configuration: --recording.max-traces: \"lots\" "
        + "(expected: an integer)" + System.lineSeparator());
  }

  @Test
  void unknownOptionFailsWithOneLine() {
    SpoorRun run = SpoorRun.run(Map.of(), factories, "config", "--no-such-flag=1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("spoor config: Unknown option: '--no-such-flag=1' (see 'spoor config --help')"
        + System.lineSeparator());
  }

  @Test
  void badLogLevelFailsWithOneLine() {
    SpoorRun run = SpoorRun.run(Map.of("LOG_LEVEL", "loud"), factories, "version");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).startsWith("spoor: Invalid value for option '--log-level'")
        .contains("but was 'loud' (from env LOG_LEVEL)");
    assertThat(run.levels()).isEmpty();
  }

  @Test
  void badValueOnTheCommandLineIsNotBlamedOnTheEnvironment() {
    SpoorRun run = SpoorRun.run(Map.of("LOG_LEVEL", "info"), factories, "--log-level=loud", "version");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("but was 'loud' (see 'spoor --help')");
  }

  @Test
  void logLevelFromEnvironmentOrFlagIsAppliedBeforeTheCommandRuns() {
    assertThat(SpoorRun.run(Map.of(), factories, "version").levels()).containsExactly(LogLevel.INFO);
    assertThat(SpoorRun.run(Map.of("LOG_LEVEL", "DEBUG"), factories, "version").levels())
        .containsExactly(LogLevel.DEBUG);
    assertThat(SpoorRun.run(Map.of("LOG_LEVEL", "debug"), factories, "version", "--log-level=warn").levels())
        .containsExactly(LogLevel.WARN);
    assertThat(SpoorRun.run(Map.of(), factories, "--log-level=error", "version").levels())
        .containsExactly(LogLevel.ERROR);
  }

  @Test
  void helpAndVersionFlagsAreNotTakenFromTheEnvironment() {
    SpoorRun run = SpoorRun.run(Map.of("HELP", "true", "VERSION", "true", "SPAN_STORAGE_TYPE", "recording"),
        factories, "config");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).doesNotContain("Usage:").contains("configuration is valid");
  }

  @Test
  void factoriesRegisteredThroughServiceLoaderAreSelectable() {
    List<StorageFactory> available = StorageFactory.available();
    assertThat(available).extracting(StorageFactory::name).contains("recording");

    SpoorRun run = SpoorRun.run(Map.of("SPAN_STORAGE_TYPE", "recording"), available, "config");

    assertThat(run.exitCode()).as(run.err()).isZero();
  }
}
