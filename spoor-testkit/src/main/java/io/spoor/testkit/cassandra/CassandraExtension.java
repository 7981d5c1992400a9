package io.spoor.testkit.cassandra;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import io.spoor.testkit.SharedServers;

/**
 * One real Cassandra node for a module's whole test run: {@code @ExtendWith(CassandraExtension.class)}
 * on a test class, then take a {@link CassandraServer} as a constructor, lifecycle or test method
 * parameter. The node starts on first use (in {@code target/testkit/cassandra}, heap {@code
 * -Dspoor.testkit.cassandra.heap}, default 768m) and stops when the run ends. Test classes share it, so
 * each should use its own keyspace.
 */
public final class CassandraExtension implements ParameterResolver {
  private static final String KEY = "cassandra-" + CassandraServer.VERSION;

  /** The run's node, started on first use. */
  public static CassandraServer server(ExtensionContext context) {
    return SharedServers.once(context, KEY, CassandraServer.class, () -> CassandraServer.create(
        Path.of("target", "testkit", "cassandra"),
        System.getProperty("spoor.testkit.cassandra.heap", "768m")).start());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == CassandraServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CassandraServer server = server(context);
    if (!server.isRunning()) {
      server.start(); // a test stopped it and failed before starting it again
    }
    return server;
  }
}
