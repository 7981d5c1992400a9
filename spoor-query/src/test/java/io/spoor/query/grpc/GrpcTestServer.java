package io.spoor.query.grpc;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.ServerBuilder;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.spoor.query.v3.QueryTestData;
import io.spoor.storage.Storage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;

/**
 * An Armeria server on 127.0.0.1 with {@link QueryGrpcServices} over {@link QueryTestData}, and a
 * plain grpc-java channel to it.
 */
final class GrpcTestServer implements AutoCloseable {
  final Storage storage;
  final Server server;
  final ManagedChannel channel;

  GrpcTestServer() {
    storage = QueryTestData.storage();
    ServerBuilder sb = Server.builder().http(new InetSocketAddress("127.0.0.1", 0));
    new QueryGrpcServices(QueryTestData.reader(storage), QueryTestData.CLOCK).addTo(sb);
    server = sb.build();
    server.start().join();
    channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.activeLocalPort()).usePlaintext().build();
  }

  int port() {
    return server.activeLocalPort();
  }

  @Override
  public void close() {
    try {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop().join();
    storage.close();
  }

  /** Every message of a server stream. */
  static <T> List<T> drain(Iterator<T> stream) {
    List<T> out = new ArrayList<>();
    stream.forEachRemaining(out::add);
    return out;
  }

  /** Asserts that the call fails with this code and a description starting with {@code message}. */
  static void assertStatus(Supplier<?> call, Status.Code code, String message) {
    Assertions.assertThatThrownBy(() -> {
      Object result = call.get();
      if (result instanceof Iterator<?> it) {
        drain(it);
      }
    }).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
      Assertions.assertThat(e.getStatus().getCode()).isEqualTo(code);
      Assertions.assertThat(e.getStatus().getDescription()).startsWith(message);
    });
  }
}
