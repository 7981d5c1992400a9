package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.spoor.storage.Storage;
import io.spoor.storage.StorageException;
import java.io.FileInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code --es.tls.*} options against an HTTPS endpoint with a self-signed certificate (made with
 * the JDK's keytool) that answers like a cluster: the test nodes run without the security plugin, so
 * they have no TLS. An untrusted certificate fails the start naming the URL; {@code --es.tls.ca} with
 * the certificate, or {@code --es.tls.skip-host-verify}, connects.
 */
class TlsConnectionTest {
  @TempDir Path dir;
  private HttpsServer server;
  private Path caPem;

  @BeforeEach
  void start() throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "node", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "san=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "secret", "-keypass", "secret")
        .redirectErrorStream(true).start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(keystore.toFile())) {
      store.load(in, "secret".toCharArray());
    }
    Certificate cert = store.getCertificate("node");
    caPem = dir.resolve("ca.pem");
    Files.writeString(caPem, "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "secret".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      String json = path.equals("/") ? "{\"version\":{\"number\":\"7.17.29\"}}"
          : path.startsWith("/_cluster/health") ? "{\"status\":\"green\"}" : "{\"acknowledged\":true}";
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void anUntrustedCertificateFailsTheStartNamingTheUrl() {
    try (Storage storage = TestClusters.storage("elasticsearch", url(), "tls")) {
      assertThatThrownBy(storage::start).isInstanceOf(StorageException.class).hasMessageContaining(url());
    }
  }

  @Test
  void theCaFileOrSkippingVerificationConnects() {
    for (List<String> options : List.of(List.of("es.tls.ca", caPem.toString()),
        List.of("es.tls.skip-host-verify", "true"))) {
      try (Storage storage = TestClusters.storage("elasticsearch", url(), "tls", options.toArray(String[]::new))) {
        storage.start();
        assertThat(((ElasticsearchStorage) storage).version()).hasToString("Elasticsearch 7.17.29");
      }
    }
  }
}
