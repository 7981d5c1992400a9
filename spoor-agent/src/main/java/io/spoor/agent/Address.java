package io.spoor.agent;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A host and port in Jaeger's flag syntax: {@code :6831} (every interface, for listening), {@code
 * 127.0.0.1:6831}, {@code [::1]:6831}, {@code collector:14250}. Port 0 picks a free port.
 */
public record Address(@Nullable String host, int port) {
  public Address {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port: " + port + " (expected: 0 to 65535)");
    }
  }

  /**
   * A listen address.
   *
   * @param flag the flag name without dashes, for the error message
   * @return empty when {@code value} is empty (the endpoint is disabled)
   * @throws IllegalArgumentException naming the flag and the value
   */
  public static Optional<Address> parseListen(String flag, String value) {
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
    return Optional.of(new Address(host.isEmpty() ? null : host, port));
  }

  /**
   * A remote address, which needs a host and a port above 0.
   *
   * @throws IllegalArgumentException naming the flag and the value
   */
  public static Address parseTarget(String flag, String value) {
    Address a = parseListen(flag, value).orElseThrow(() ->
        new IllegalArgumentException("--" + flag + ": \"\" (expected: host:port)"));
    if (a.host() == null || a.port() == 0) {
      throw new IllegalArgumentException("--" + flag + ": \"" + value.trim() + "\" (expected: host:port)");
    }
    return a;
  }

  InetSocketAddress toSocketAddress() {
    return host == null ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  @Override
  public String toString() {
    return (host == null ? "" : host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
