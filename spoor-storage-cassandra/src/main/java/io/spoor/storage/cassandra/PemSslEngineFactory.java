package io.spoor.storage.cassandra;

import com.datastax.oss.driver.api.core.metadata.EndPoint;
import com.datastax.oss.driver.api.core.ssl.SslEngineFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * TLS from PEM files as Jaeger takes them: {@code --cassandra.tls.ca} (trusted CAs, else the JVM's),
 * {@code --cassandra.tls.cert} and {@code --cassandra.tls.key} (a client certificate; the key in PKCS#8
 * {@code BEGIN PRIVATE KEY} form, RSA or EC), {@code --cassandra.tls.server-name} (the name sent and
 * verified instead of the node's address) and {@code --cassandra.tls.skip-host-verify} (no verification
 * at all, as Go's InsecureSkipVerify).
 */
final class PemSslEngineFactory implements SslEngineFactory {
  private final SSLContext context;
  private final String serverName;
  private final boolean verify;

  private PemSslEngineFactory(SSLContext context, String serverName, boolean verify) {
    this.context = context;
    this.serverName = serverName;
    this.verify = verify;
  }

  static PemSslEngineFactory create(CassandraConfig.Tls tls) {
    try {
      TrustManager[] trust;
      if (tls.skipHostVerify()) {
        trust = new TrustManager[] {new TrustEverything()};
      } else if (tls.ca() != null) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate cert : certificates(tls.ca())) {
          store.setCertificateEntry("ca-" + i++, cert);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        trust = tmf.getTrustManagers();
      } else {
        trust = null;
      }
      KeyManagerFactory kmf = null;
      if (tls.cert() != null && tls.key() != null) {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        List<Certificate> chain = new ArrayList<>(certificates(tls.cert()));
        store.setKeyEntry("client", privateKey(tls.key()), new char[0], chain.toArray(new Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, new char[0]);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf == null ? null : kmf.getKeyManagers(), trust, null);
      return new PemSslEngineFactory(context, tls.serverName(), !tls.skipHostVerify());
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException("--cassandra.tls.*: " + e.getMessage(), e);
    }
  }

  private static Collection<? extends Certificate> certificates(Path pem) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(pem + ": no PEM certificate");
      }
      return certs;
    }
  }

  private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
    String text = Files.readString(pem);
    int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (begin < 0 || end < 0) {
      throw new IllegalArgumentException(pem + ": no \"BEGIN PRIVATE KEY\" block (expected: a PKCS#8 key;"
          + " convert with `openssl pkcs8 -topk8 -nocrypt`)");
    }
    byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException tryNext) {
        // another algorithm
      }
    }
    throw new IllegalArgumentException(pem + ": not an RSA, EC or Ed25519 private key");
  }

  @Override
  public SSLEngine newSslEngine(EndPoint endPoint) {
    SocketAddress address = endPoint.resolve();
    String host = serverName;
    int port = -1;
    if (address instanceof InetSocketAddress) {
      InetSocketAddress inet = (InetSocketAddress) address;
      if (host.isEmpty()) {
        host = inet.getHostString();
      }
      port = inet.getPort();
    }
    SSLEngine engine = context.createSSLEngine(host, port);
    engine.setUseClientMode(true);
    SSLParameters parameters = engine.getSSLParameters();
    if (verify) {
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
    }
    if (!serverName.isEmpty()) {
      parameters.setServerNames(List.of(new SNIHostName(serverName)));
    }
    engine.setSSLParameters(parameters);
    return engine;
  }

  @Override
  public void close() {}

  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
