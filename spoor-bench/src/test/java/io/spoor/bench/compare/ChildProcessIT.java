package io.spoor.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessIT {
  @TempDir Path logs;

  @Test
  void waitsForHealthThenStops() throws Exception {
    int port = freePort();
    ChildProcess child = ChildProcess.start(fakeCollector(Integer.toString(port)), Map.of(), logs.resolve("ok.log"));
    try (child) {
      child.awaitHealthy(URI.create("http://127.0.0.1:" + port + "/health"), Duration.ofSeconds(60));
      assertThat(ProcessHandle.of(child.pid())).isPresent();
    }
    assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
  }

  @Test
  void aChildThatExitsIsReportedWithItsCodeAndLog() throws Exception {
    try (ChildProcess child = ChildProcess.start(fakeCollector("fail"), Map.of(), logs.resolve("fail.log"))) {
      assertThatThrownBy(() -> child.awaitHealthy(URI.create("http://127.0.0.1:1/health"), Duration.ofSeconds(60)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("exited with code 3 before http://127.0.0.1:1/health answered")
          .hasMessageEndingWith("unknown flag: --collector.zipkin.host-port");
    }
  }

  static List<String> fakeCollector(String argument) throws Exception {
    String classes = Path.of(FakeCollector.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
        "-XX:TieredStopAtLevel=1", "-cp", classes, FakeCollector.class.getName(), argument);
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
