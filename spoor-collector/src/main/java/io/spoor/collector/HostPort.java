package io.spoor.collector;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A listen address in Jaeger's flag syntax: {@code :14268} (every interface), {@code 127.0.0.1:14268},
 * {@code [::1]:14268}, or empty to disable the endpoint. Port 0 picks a free port.
 */
public record HostPort(@Nullable String host, int port) {
  public HostPort {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0 to 65535)");
    }
  }

  /**
   * @param flag the flag name, for the error message
   * @return empty when {@code value} is empty (the endpoint is disabled)
   */
  public static Optional<HostPort> parse(String flag, String value) {
    String v = value.trim();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    int colon = v.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("--" + flag + ": \"" + value + "\" (expected: host:port or :port)");
    }
    String host = v.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(v.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + flag + ": \"" + value + "\" (expected: a port number after ':')");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--" + flag + ": \"" + value + "\" (expected: a port from 0 to 65535)");
    }
    return Optional.of(new HostPort(host.isEmpty() ? null : host, port));
  }

  public InetSocketAddress toAddress() {
    return host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return (host == null ? "" : host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
