package io.spoor.ui;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import io.spoor.query.QueryReader;
import io.spoor.query.adjust.TraceAdjuster;
import io.spoor.query.http.HttpQueryApi;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;

/** A real query server (memory storage, Jaeger API, UI) on 127.0.0.1 and an ephemeral port. */
final class UiServer implements AutoCloseable {
  final Storage storage;
  final Server server;
  final String basePath;

  UiServer(String basePath, UiFixtures fixtures) {
    this.basePath = basePath;
    storage = StorageFactory.find("memory").orElseThrow().create(StorageSettings.empty());
    storage.start();
    if (fixtures != null) {
      storage.spanWriter().write(fixtures.all());
    }
    QueryReader reader = new QueryReader(storage.spanReader(), storage.dependencyStore(),
        storage.capabilities(), TraceAdjuster.standard(Duration.ZERO));
    ServerBuilder sb = Server.builder().http(new InetSocketAddress("127.0.0.1", 0));
    new HttpQueryApi(reader, Clock.systemUTC()).addTo(sb, basePath);
    new UiAssets().addTo(sb, basePath);
    server = sb.build();
    server.start().join();
  }

  /** {@code http://127.0.0.1:port} followed by the base path, without a trailing slash. */
  String url() {
    String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
    return "http://127.0.0.1:" + server.activeLocalPort() + base;
  }

  @Override
  public void close() {
    server.stop().join();
    storage.close();
  }
}
