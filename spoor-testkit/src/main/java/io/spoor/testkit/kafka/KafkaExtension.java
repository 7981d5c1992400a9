package io.spoor.testkit.kafka;

import io.spoor.testkit.SharedServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link KafkaBroker} parameter (constructor, {@code @BeforeAll}, test method): one
 * real broker per module test run, started on first use in {@code target/kafka-broker} (emptied
 * first) and stopped when the run ends. Auto-created topics get {@value #PARTITIONS} partitions, as
 * Jaeger's deployments usually have several; each test class should use its own topic names.
 *
 * <pre>{@code
 * @ExtendWith(KafkaExtension.class)
 * class MyIT {
 *   @Test void writes(KafkaBroker kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * <p>A test that stops or kills the broker must {@link KafkaBroker#start()} it again before it ends.
 */
public final class KafkaExtension implements ParameterResolver {
  /** Partitions of topics the broker creates on first use. */
  public static final int PARTITIONS = 3;

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == KafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return broker(extension);
  }

  /** The run's broker, started on first use. */
  public static KafkaBroker broker(ExtensionContext extension) {
    KafkaBroker broker = SharedServers.once(extension, "kafka-broker", KafkaBroker.class, () -> {
      Path dir = Path.of("target", "kafka-broker").toAbsolutePath();
      deleteRecursively(dir);
      return KafkaBroker.start(dir, PARTITIONS);
    });
    if (!broker.isRunning()) {
      broker.start(); // an earlier test stopped it and failed before bringing it back
    }
    return broker;
  }

  private static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + path, e);
    }
  }
}
