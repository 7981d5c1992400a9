package io.spoor.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
  @Test
  void tagsKeepTheirOrderAndTrimSpaces() {
    assertThat(AgentConfig.parseTags(" a=1, b = x=y ,,c=")).containsExactly(
        java.util.Map.entry("a", "1"), java.util.Map.entry("b", "x=y"), java.util.Map.entry("c", ""));
    assertThat(AgentConfig.parseTags("")).isEmpty();
    assertThatThrownBy(() -> AgentConfig.parseTags("a=1,novalue"))
        .hasMessage("--agent.tags: \"novalue\" (expected: key=value)");
    assertThatThrownBy(() -> AgentConfig.parseTags("=v")).hasMessage("--agent.tags: \"=v\" (expected: key=value)");
  }

  @Test
  void addresses() {
    assertThat(Address.parseListen("f", ":6831")).contains(new Address(null, 6831));
    assertThat(Address.parseListen("f", "[::1]:6831")).contains(new Address("::1", 6831));
    assertThat(Address.parseListen("f", " ")).isEmpty();
    assertThat(Address.parseTarget("reporter.grpc.host-port", "collector:14250")).isEqualTo(new Address("collector", 14250));
    assertThatThrownBy(() -> Address.parseTarget("reporter.grpc.host-port", ":14250"))
        .hasMessage("--reporter.grpc.host-port: \":14250\" (expected: host:port)");
    assertThatThrownBy(() -> Address.parseListen("f", "6831")).hasMessage("--f: \"6831\" (expected: host:port or :port)");
    assertThatThrownBy(() -> Address.parseListen("f", ":70000"))
        .hasMessage("--f: \":70000\" (expected: a port from 0 to 65535)");
  }

  @Test
  void reporterAndUdpLimitsAreChecked() {
    List<Address> one = List.of(new Address("h", 1));
    assertThatThrownBy(() -> ReporterConfig.defaults(List.of()))
        .hasMessage("--reporter.grpc.host-port: empty (expected: host:port[,host:port...])");
    assertThatThrownBy(() -> new ReporterConfig(one, 0, 3, Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofMillis(1), 1))
        .hasMessage("--reporter.queue-size: 0 (expected: > 0)");
    assertThatThrownBy(() -> new ReporterConfig(one, 1, -1, Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofMillis(1), 1))
        .hasMessage("--reporter.grpc.retry.max: -1 (expected: >= 0)");
    assertThatThrownBy(() -> new UdpServerConfig(new Address(null, 0), 70_000, 1, 1, 0))
        .hasMessage("server-max-packet-size: 70000 (expected: 1 to 65535)");
    assertThat(UdpServerConfig.defaults(new Address(null, 6831)).maxPacketSize()).isEqualTo(65_000);
  }
}
