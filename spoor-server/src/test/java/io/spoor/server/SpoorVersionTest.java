package io.spoor.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpoorVersionTest {
  @Test
  void versionSubcommandPrintsSpoorAndJavaVersions() {
    SpoorRun run = SpoorRun.run(Map.of(), List.of(), "version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines().get(0)).matches("spoor \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(run.outLines().get(1)).isEqualTo(SpoorRun.JAVA);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void versionFlagPrintsTheSame() {
    SpoorRun flag = SpoorRun.run(Map.of(), List.of(), "--version");
    SpoorRun command = SpoorRun.run(Map.of(), List.of(), "version");

    assertThat(flag.exitCode()).isZero();
    assertThat(flag.out()).isEqualTo(command.out());
  }

  @Test
  void versionComesFromTheBuild() {
    assertThat(VersionInfo.load("j").version()).isNotEqualTo("unknown").doesNotContain("${");
  }
}
