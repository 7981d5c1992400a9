package io.spoor.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code --cassandra.tls.*} against the node's TLS (self-signed certificate for localhost and 127.0.0.1). */
@ExtendWith(CassandraExtension.class)
class CassandraTlsTest {
  private static Storage tls(CassandraServer node, String... extra) {
    String[] options = new String[extra.length + 2];
    options[0] = "cassandra.tls.enabled";
    options[1] = "true";
    System.arraycopy(extra, 0, options, 2, extra.length);
    return TestCassandra.storage(node, CassandraStorageTest.KEYSPACE, options);
  }

  @Test
  void writesAndReadsOverTlsTrustingTheNodesCertificate(CassandraServer node) {
    try (Storage storage = tls(node, "cassandra.tls.ca", node.tlsCertificate().toString())) {
      storage.start();
      Span span = Span.newBuilder().traceId(TraceId.of(0x7150)).spanId(SpanId.of(1)).operationName("op")
          .process(Process.of("tls-service")).startTimeMicros(System.currentTimeMillis() * 1000).durationMicros(5)
          .build();
      storage.spanWriter().write(List.of(span));
      assertThat(storage.spanReader().getTrace(TraceId.of(0x7150))).isPresent();
    }
  }

  @Test
  void anUntrustedCertificateIsRefused(CassandraServer node) {
    try (Storage storage = tls(node, "cassandra.connect-timeout", "3s")) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot connect to [127.0.0.1:" + node.cqlPort() + "]");
    }
  }

  @Test
  void theServerNameIsVerified(CassandraServer node) {
    try (Storage wrongName = tls(node, "cassandra.tls.ca", node.tlsCertificate().toString(),
        "cassandra.tls.server-name", "cassandra.example.com", "cassandra.connect-timeout", "3s")) {
      assertThatThrownBy(wrongName::start).isInstanceOf(StorageException.class)
          .hasMessageContaining("cannot connect to");
    }
    try (Storage rightName = tls(node, "cassandra.tls.ca", node.tlsCertificate().toString(),
        "cassandra.tls.server-name", "localhost")) {
      rightName.start();
      assertThat(rightName.check().healthy()).isTrue();
    }
  }

  @Test
  void skipHostVerifyAcceptsAnyCertificate(CassandraServer node) {
    try (Storage storage = tls(node, "cassandra.tls.skip-host-verify", "true")) {
      storage.start();
      assertThat(storage.check().healthy()).isTrue();
    }
  }
}
