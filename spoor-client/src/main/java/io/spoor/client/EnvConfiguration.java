package io.spoor.client;

import io.spoor.client.propagation.PropagationFormat;
import io.spoor.client.reporter.CompositeReporter;
import io.spoor.client.reporter.HttpSender;
import io.spoor.client.reporter.LoggingReporter;
import io.spoor.client.reporter.RemoteReporter;
import io.spoor.client.reporter.Reporter;
import io.spoor.client.reporter.Sender;
import io.spoor.client.reporter.UdpSender;
import io.spoor.client.sampler.ConstSampler;
import io.spoor.client.sampler.ProbabilisticSampler;
import io.spoor.client.sampler.RateLimitingSampler;
import io.spoor.client.sampler.RemoteSampler;
import io.spoor.client.sampler.Sampler;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Binds Jaeger's client environment variables to a {@link SpoorTracerBuilder}. The only place that reads
 * them; every error names the variable and the value.
 */
final class EnvConfiguration {
  static final String SERVICE_NAME = "JAEGER_SERVICE_NAME";
  static final String AGENT_HOST = "JAEGER_AGENT_HOST";
  static final String AGENT_PORT = "JAEGER_AGENT_PORT";
  static final String ENDPOINT = "JAEGER_ENDPOINT";
  static final String AUTH_TOKEN = "JAEGER_AUTH_TOKEN";
  static final String SAMPLER_TYPE = "JAEGER_SAMPLER_TYPE";
  static final String SAMPLER_PARAM = "JAEGER_SAMPLER_PARAM";
  static final String SAMPLER_MANAGER_HOST_PORT = "JAEGER_SAMPLER_MANAGER_HOST_PORT";
  static final String SAMPLING_ENDPOINT = "JAEGER_SAMPLING_ENDPOINT";
  static final String TAGS = "JAEGER_TAGS";
  static final String PROPAGATION = "JAEGER_PROPAGATION";
  static final String MAX_QUEUE_SIZE = "JAEGER_REPORTER_MAX_QUEUE_SIZE";
  static final String FLUSH_INTERVAL = "JAEGER_REPORTER_FLUSH_INTERVAL";
  static final String LOG_SPANS = "JAEGER_REPORTER_LOG_SPANS";
  static final String TRACEID_128BIT = "JAEGER_TRACEID_128BIT";
  static final String CLIENT_VERSION = "Java-0.1.0";
  static final int DEFAULT_SAMPLING_PORT = 5778;

  private final Map<String, String> env;

  private EnvConfiguration(Map<String, String> env) {
    this.env = env;
  }

  static SpoorTracerBuilder builder(Map<String, String> env) {
    return new EnvConfiguration(Map.copyOf(env)).builder();
  }

  private SpoorTracerBuilder builder() {
    String service = get(SERVICE_NAME);
    if (service == null) {
      throw new IllegalArgumentException(SERVICE_NAME + ": missing (expected: the name of this service)");
    }
    SpoorTracerBuilder b = SpoorTracer.builder(service);
    b.processTag("spoor.version", CLIENT_VERSION);
    try {
      InetAddress local = InetAddress.getLocalHost();
      b.processTag("hostname", local.getHostName());
      b.processTag("ip", local.getHostAddress());
    } catch (UnknownHostException e) {
      // no hostname or ip tags: the spans are still useful
    }
    tags().forEach(b::processTag);
    if (bool(TRACEID_128BIT)) {
      b.traceId128Bit();
    }
    String propagation = get(PROPAGATION);
    if (propagation != null) {
      List<PropagationFormat> formats = new ArrayList<>();
      for (String name : propagation.split(",")) {
        try {
          formats.add(PropagationFormat.parse(name));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(PROPAGATION + ": " + propagation + " (" + e.getMessage() + ")");
        }
      }
      b.propagation(formats);
    }
    b.sampler(sampler(service, b.metrics));
    b.reporter(reporter(b.metrics));
    return b;
  }

  private @Nullable String get(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private boolean bool(String name) {
    String v = get(name);
    if (v == null) {
      return false;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new IllegalArgumentException(name + ": " + v + " (expected: true or false)");
    };
  }

  private int integer(String name, int absent, int min, int max) {
    String v = get(name);
    if (v == null) {
      return absent;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + ": " + v + " (expected: an integer from " + min + " to " + max + ")");
  }

  private Map<String, Object> tags() {
    Map<String, Object> tags = new java.util.LinkedHashMap<>();
    String v = get(TAGS);
    if (v == null) {
      return tags;
    }
    for (String item : v.split(",")) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(TAGS + ": '" + item.trim() + "' (expected: key=value, comma-separated)");
      }
      tags.put(item.substring(0, eq).trim(), substitute(item.substring(eq + 1).trim()));
    }
    return tags;
  }

  /** Jaeger's {@code ${VAR:default}} in tag values: the variable's value, else the default. */
  private String substitute(String value) {
    if (!value.startsWith("${") || !value.endsWith("}")) {
      return value;
    }
    String inner = value.substring(2, value.length() - 1);
    int colon = inner.indexOf(':');
    String name = colon < 0 ? inner : inner.substring(0, colon);
    String fallback = colon < 0 ? "" : inner.substring(colon + 1);
    String found = env.get(name.trim());
    return found != null ? found : fallback;
  }

  private Sampler sampler(String service, ClientMetrics metrics) {
    String type = get(SAMPLER_TYPE);
    String param = get(SAMPLER_PARAM);
    String t = type == null ? "probabilistic" : type.toLowerCase(Locale.ROOT);
    return switch (t) {
      case "const" -> {
        double p = number(param, 1.0);
        if (p != 0.0 && p != 1.0) {
          throw new IllegalArgumentException(SAMPLER_PARAM + ": " + param + " (expected: 0 or 1 for const)");
        }
        yield new ConstSampler(p == 1.0);
      }
      case "probabilistic" -> new ProbabilisticSampler(probability(param));
      case "ratelimiting" -> {
        double rate = number(param, 1.0);
        if (rate < 0 || Double.isInfinite(rate)) {
          throw new IllegalArgumentException(SAMPLER_PARAM + ": " + param + " (expected: traces per second >= 0)");
        }
        yield new RateLimitingSampler(rate);
      }
      case "remote" -> new RemoteSampler(service, samplingEndpoint(), new ProbabilisticSampler(probability(param)),
          RemoteSampler.DEFAULT_POLL_INTERVAL, RemoteSampler.DEFAULT_MAX_OPERATIONS, System::nanoTime, metrics);
      default -> throw new IllegalArgumentException(
          SAMPLER_TYPE + ": " + type + " (expected: const, probabilistic, ratelimiting or remote)");
    };
  }

  private double probability(@Nullable String param) {
    double p = number(param, ProbabilisticSampler.DEFAULT_RATE);
    if (!(p >= 0.0 && p <= 1.0)) {
      throw new IllegalArgumentException(SAMPLER_PARAM + ": " + param + " (expected: a probability from 0 to 1)");
    }
    return p;
  }

  private static double number(@Nullable String param, double absent) {
    if (param == null) {
      return absent;
    }
    try {
      return Double.parseDouble(param);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(SAMPLER_PARAM + ": " + param + " (expected: a number)");
    }
  }

  private URI samplingEndpoint() {
    String endpoint = get(SAMPLING_ENDPOINT);
    if (endpoint != null) {
      return uri(SAMPLING_ENDPOINT, endpoint);
    }
    String hostPort = get(SAMPLER_MANAGER_HOST_PORT);
    if (hostPort != null) {
      hostPort(SAMPLER_MANAGER_HOST_PORT, hostPort);
      return uri(SAMPLER_MANAGER_HOST_PORT, "http://" + hostPort + "/sampling");
    }
    String host = get(AGENT_HOST);
    return URI.create("http://" + (host == null ? "localhost" : host) + ":" + DEFAULT_SAMPLING_PORT + "/sampling");
  }

  private static void hostPort(String name, String value) {
    int colon = value.lastIndexOf(':');
    boolean ok = colon > 0;
    if (ok) {
      try {
        int port = Integer.parseInt(value.substring(colon + 1));
        ok = port >= 1 && port <= 65535;
      } catch (NumberFormatException e) {
        ok = false;
      }
    }
    if (!ok) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: host:port)");
    }
  }

  private static URI uri(String name, String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + ": " + value + " (expected: an http or https URL)");
  }

  private Reporter reporter(ClientMetrics metrics) {
    String endpoint = get(ENDPOINT);
    Sender sender;
    if (endpoint != null) {
      sender = new HttpSender(uri(ENDPOINT, endpoint), get(AUTH_TOKEN), HttpSender.DEFAULT_MAX_BATCH_BYTES, metrics);
    } else {
      String host = get(AGENT_HOST);
      sender = new UdpSender(host == null ? "localhost" : host, integer(AGENT_PORT, UdpSender.DEFAULT_PORT, 1, 65535),
          metrics);
    }
    int queue = integer(MAX_QUEUE_SIZE, RemoteReporter.DEFAULT_MAX_QUEUE_SIZE, 1, Integer.MAX_VALUE - 2);
    int flushMillis = integer(FLUSH_INTERVAL, (int) RemoteReporter.DEFAULT_FLUSH_INTERVAL.toMillis(), 1,
        Integer.MAX_VALUE);
    Reporter remote = new RemoteReporter(sender, queue, Duration.ofMillis(flushMillis), metrics);
    return bool(LOG_SPANS) ? new CompositeReporter(List.of(remote, new LoggingReporter())) : remote;
  }
}
