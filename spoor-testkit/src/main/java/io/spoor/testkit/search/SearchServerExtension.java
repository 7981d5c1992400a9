package io.spoor.testkit.search;

import io.spoor.testkit.SharedServers;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension giving a test class the module run's one node of an engine (started on first use
 * with {@link SharedServers#once}, closed when the run ends). Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final SearchServerExtension OPENSEARCH = SearchServerExtension.of(SearchEngine.OPENSEARCH);
 * }</pre>
 *
 * <p>The node lives under {@code target/search/<engine>} of the module. Test classes share it, so each
 * uses its own index prefix.
 */
public final class SearchServerExtension implements BeforeAllCallback {
  private final SearchEngine engine;
  private final String heap;
  private volatile @Nullable SearchServer server;

  private SearchServerExtension(SearchEngine engine, String heap) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.heap = heap;
  }

  /** A node with a 512 MB heap. */
  public static SearchServerExtension of(SearchEngine engine) {
    return new SearchServerExtension(engine, "512m");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = SharedServers.once(context, "search-" + engine.id(), SearchServer.class,
        () -> SearchServer.start(engine, Path.of("target", "search", engine.id()), heap));
  }

  /** The running node; only inside the test class's lifecycle. */
  public SearchServer server() {
    SearchServer s = server;
    if (s == null) {
      throw new IllegalStateException(engine.id() + ": not started (expected: a static @RegisterExtension field)");
    }
    return s;
  }

  /** {@code http://127.0.0.1:<port>} of the node. */
  public String url() {
    return server().url();
  }
}
