package io.spoor.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorUnderTestTest {
  private static final Path JAVA = Path.of("/jdk/bin/java");

  @Test
  void zipkinListensOnLoopbackWithMemoryStorage(@TempDir Path directory) throws Exception {
    Path jar = java.nio.file.Files.createFile(directory.resolve("zipkin-server-3.5.1-exec.jar"));
    CollectorUnderTest zipkin = CollectorUnderTest.zipkin(jar);

    CollectorUnderTest.Launch launch = zipkin.resolve(9500, 9501, "1g", JAVA);

    assertThat(launch.command()).containsExactly("/jdk/bin/java", "-Xmx1g", "-jar", jar.toString(),
        "--armeria.ports[0].port=9500", "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].protocols[0]=http");
    assertThat(launch.environment()).isEqualTo(Map.of("STORAGE_TYPE", "mem", "QUERY_PORT", "9500"));
    assertThat(launch.ingestBase()).isEqualTo(URI.create("http://127.0.0.1:9500"));
    assertThat(launch.health()).isEqualTo(URI.create("http://127.0.0.1:9500/health"));
    assertThat(launch.metrics()).isEqualTo(URI.create("http://127.0.0.1:9500/prometheus"));
    assertThat(zipkin.missingPrerequisite()).isEmpty();
  }

  @Test
  void spoorCommandLineIsSplitAndFilledIn() {
    CollectorUnderTest spoor = CollectorUnderTest.spoor(
        " java -Xmx{heap} -jar spoor.jar collector  --collector.zipkin.host-port=127.0.0.1:{port}"
            + " --admin.http.host-port=127.0.0.1:{admin-port}",
        "http://127.0.0.1:{admin-port}/health", null);

    CollectorUnderTest.Launch launch = spoor.resolve(9600, 9601, "512m", JAVA);

    assertThat(launch.command()).isEqualTo(List.of("/jdk/bin/java", "-Xmx512m", "-jar", "spoor.jar", "collector",
        "--collector.zipkin.host-port=127.0.0.1:9600", "--admin.http.host-port=127.0.0.1:9601"));
    assertThat(launch.health()).isEqualTo(URI.create("http://127.0.0.1:9601/health"));
    assertThat(launch.metrics()).isNull();
  }

  @Test
  void aMissingJarIsReportedBeforeStarting() {
    CollectorUnderTest spoor = CollectorUnderTest.spoor("java -jar no/such/spoor.jar collector",
        "http://127.0.0.1:{admin-port}/health", null);

    assertThat(spoor.missingPrerequisite())
        .hasValue("jar not found: " + Path.of("no/such/spoor.jar").toAbsolutePath());
  }
}
