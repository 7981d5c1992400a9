package io.spoor.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The agent's configuration. A null endpoint is disabled.
 *
 * @param compact Thrift compact {@code emitBatch} datagrams ({@code --processor.jaeger-compact.*}, :6831)
 * @param binary Thrift binary {@code emitBatch} datagrams ({@code --processor.jaeger-binary.*}, :6832)
 * @param httpServer sampling strategies for clients ({@code --http-server.host-port}, :5778)
 * @param reporter the collectors and how batches reach them
 * @param agentTags added to the process of every span ({@code --agent.tags=k=v,k2=v2}); in order
 */
public record AgentConfig(
    @Nullable UdpServerConfig compact,
    @Nullable UdpServerConfig binary,
    @Nullable Address httpServer,
    ReporterConfig reporter,
    Map<String, String> agentTags) {
  public AgentConfig {
    Objects.requireNonNull(reporter, "reporter");
    agentTags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(agentTags));
  }

  /**
   * Parses {@code --agent.tags}: comma-separated {@code key=value} pairs. Jaeger also expands {@code
   * ${ENV_VAR:default}}; Spoor does not (set the value from the environment when starting instead).
   *
   * @throws IllegalArgumentException naming the pair that has no key or no '='
   */
  public static Map<String, String> parseTags(String value) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String pair : value.split(",", -1)) {
      String p = pair.trim();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--agent.tags: \"" + p + "\" (expected: key=value)");
      }
      tags.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
    }
    return tags;
  }
}
