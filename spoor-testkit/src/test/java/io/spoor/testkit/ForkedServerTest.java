package io.spoor.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkedServerTest {
  @TempDir Path dir;

  @Test
  void startsKillsRestartsAndStops() {
    int port = Ports.free();
    try (ForkedServer server = ForkedServer.builder("tiny", dir)
        .classPath(System.getProperty("java.class.path"))
        .mainClass(TinyServer.class.getName())
        .arguments(String.valueOf(port))
        .jvmOptions("-Xmx32m")
        .readyWhen(() -> Ports.isOpen(port))
        .build()) {
      server.start();
      assertThat(server.isAlive()).isTrue();
      assertThat(server.command()).contains("-Dspoor.testkit=tiny");
      assertThat(Ports.isOpen(port)).isTrue();

      server.kill();
      assertThat(server.isAlive()).isFalse();
      assertThat(Ports.isOpen(port)).isFalse();

      server.start();
      assertThat(Ports.isOpen(port)).isTrue();
      assertThat(server.logContains("tiny server started")).isTrue();
      assertThat(dir.resolve("tiny.log.1")).exists();

      server.stop(Duration.ofSeconds(10));
      assertThat(server.isAlive()).isFalse();
    }
  }

  @Test
  void aServerThatDiesReportsItsLog() {
    ForkedServer server = ForkedServer.builder("broken", dir)
        .classPath(System.getProperty("java.class.path"))
        .mainClass("io.spoor.testkit.NoSuchMain")
        .readyWhen(() -> false)
        .build();
    assertThatThrownBy(server::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("broken exited")
        .hasMessageContaining("NoSuchMain");
    server.close();
  }

  @Test
  void resolvesJarsWithTheirDependenciesFromMavenCentral() {
    Path jars = ServerJars.resolve("testkit-selftest-1",
        List.of(ServerJars.Artifact.parse("org.slf4j:slf4j-simple:2.0.17")));
    assertThat(jars.resolve("slf4j-simple-2.0.17.jar")).exists();
    assertThat(jars.resolve("slf4j-api-2.0.17.jar")).exists();
    assertThat(ServerJars.resolve("testkit-selftest-1", List.of())).isEqualTo(jars);
  }
}
