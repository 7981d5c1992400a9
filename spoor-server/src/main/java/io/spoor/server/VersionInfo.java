package io.spoor.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * What {@code spoor version} and {@code spoor --version} print: Spoor's version, from a resource the
 * build fills in (or the jar manifest), and the Java runtime, described by {@code main}.
 */
record VersionInfo(String version, String javaRuntime) {
  private static final String RESOURCE = "/io/spoor/server/version.properties";

  VersionInfo {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(javaRuntime, "javaRuntime");
  }

  /** Spoor's version from the build, with the given Java description. */
  static VersionInfo load(String javaRuntime) {
    return new VersionInfo(buildVersion(), javaRuntime);
  }

  String[] lines() {
    return new String[] {"spoor " + version, javaRuntime};
  }

  private static String buildVersion() {
    try (InputStream in = VersionInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "");
        if (!v.isEmpty() && !v.startsWith("${")) {
          return v;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
    String fromManifest = VersionInfo.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : "unknown";
  }
}
