package io.spoor.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageOption;
import io.spoor.storage.StorageSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options: Jaeger's defaults, and one clear line naming the flag for every bad value. No server. */
class CassandraConfigTest {
  private static CassandraConfig config(Map<String, String> values) {
    return CassandraConfig.from(StorageSettings.of(values));
  }

  @Test
  void defaultsFollowJaeger() {
    CassandraConfig c = config(Map.of());
    assertThat(c.servers()).containsExactly("127.0.0.1");
    assertThat(c.port()).isEqualTo(9042);
    assertThat(c.keyspace()).isEqualTo("jaeger_v1_test");
    assertThat(c.consistency()).isEqualTo("LOCAL_ONE");
    assertThat(c.maxRetryAttempts()).isEqualTo(3);
    assertThat(c.writeCacheTtl()).isEqualTo(Duration.ofHours(12));
    assertThat(c.index()).isEqualTo(CassandraConfig.IndexConfig.ALL);
    assertThat(c.createSchema()).isFalse();
    assertThat(c.schema().spanTtl()).isEqualTo(Duration.ofSeconds(172_800));
    assertThat(c.schema().dependenciesTtl()).isZero();
    // create.sh: ceil(2880 minutes / 30)
    assertThat(c.schema().compactionWindow()).isEqualTo(Duration.ofMinutes(96));
    assertThat(c.schema().replication()).isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': '1'}");
  }

  @Test
  void everyOptionIsDeclaredForHelpAndTheEnvironment() {
    StorageFactory factory = StorageFactory.find("cassandra").orElseThrow();
    assertThat(factory.options()).extracting(StorageOption::name).contains("cassandra.servers",
        "cassandra.keyspace", "cassandra.local-dc", "cassandra.tls.ca", "cassandra.index.tag-allowlist",
        "cassandra.span-ttl", "cassandra.dependencies-ttl");
    assertThat(factory.options()).extracting(StorageOption::environmentVariable).contains("CASSANDRA_SERVERS",
        "CASSANDRA_INDEX_TAG_DENYLIST");
  }

  @Test
  void networkTopologyReplicatesToTheLocalDatacenter() {
    CassandraConfig c = config(Map.of("cassandra.replication-strategy", "NetworkTopologyStrategy",
        "cassandra.local-dc", "dc1", "cassandra.replication-factor", "3", "cassandra.servers", "a:9142, b",
        "cassandra.compaction-window", "2h"));
    assertThat(c.schema().replication()).isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': '3'}");
    assertThat(c.schema().compactionWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(CassandraStorage.describe(CassandraStorage.contactPoints(c))).isEqualTo("[a:9142, b:9042]");
  }

  @Test
  void badValuesNameTheFlag() {
    assertThatThrownBy(() -> config(Map.of("cassandra.keyspace", "bad-name")))
        .hasMessageStartingWith("--cassandra.keyspace: \"bad-name\"");
    assertThatThrownBy(() -> config(Map.of("cassandra.port", "70000")))
        .hasMessageStartingWith("--cassandra.port: 70000");
    assertThatThrownBy(() -> config(Map.of("cassandra.consistency", "SOME")))
        .hasMessageStartingWith("--cassandra.consistency: \"SOME\"");
    assertThatThrownBy(() -> config(Map.of("cassandra.index.tag-allowlist", "a", "cassandra.index.tag-denylist", "b")))
        .hasMessageContaining("both set");
    assertThatThrownBy(() -> config(Map.of("cassandra.tls.enabled", "true", "cassandra.tls.cert", "/x.pem")))
        .hasMessageContaining("only one is set");
    assertThatThrownBy(() -> config(Map.of("cassandra.tls.ca", "/ca.pem")))
        .hasMessageContaining("--cassandra.tls.enabled=true");
    assertThatThrownBy(() -> config(Map.of("cassandra.replication-strategy", "NetworkTopologyStrategy")))
        .hasMessageStartingWith("--cassandra.local-dc: empty");
    assertThatThrownBy(() -> config(Map.of("cassandra.replication-strategy", "Other")))
        .hasMessageStartingWith("--cassandra.replication-strategy: \"Other\"");
    assertThatThrownBy(() -> config(Map.of("cassandra.span-ttl", "0s")))
        .hasMessageStartingWith("--cassandra.span-ttl: ");
    assertThatThrownBy(() -> config(Map.of("cassandra.span-ttl", "two days")))
        .hasMessageStartingWith("--cassandra.span-ttl: ");
    assertThatThrownBy(() -> config(Map.of("cassandra.servers", "a:b")))
        .hasMessageStartingWith("--cassandra.servers: \"a:b\"");
  }

  @Test
  void tagIndexingFollowsTheLists() {
    CassandraConfig.IndexConfig deny = config(Map.of("cassandra.index.tag-denylist", "secret, token")).index();
    assertThat(deny.keyIndexed("secret")).isFalse();
    assertThat(deny.keyIndexed("http.method")).isTrue();
    CassandraConfig.IndexConfig allow = config(Map.of("cassandra.index.tag-allowlist", "http.method")).index();
    assertThat(allow.keyIndexed("http.method")).isTrue();
    assertThat(allow.keyIndexed("secret")).isFalse();
    assertThat(config(Map.of("cassandra.index.logs", "false")).index().complete("http.method")).isFalse();
  }

  @Test
  void hourBucketsRoundLikeGo() {
    long hour = CassandraSpanWriter.HOUR_MICROS;
    assertThat(CassandraSpanWriter.roundToHour(10 * hour + hour / 2 - 1)).isEqualTo(10 * hour);
    assertThat(CassandraSpanWriter.roundToHour(10 * hour + hour / 2)).isEqualTo(11 * hour);
    assertThat(CassandraSpanWriter.shouldIndex("k", "x".repeat(255))).isTrue();
    assertThat(CassandraSpanWriter.shouldIndex("k", "x".repeat(256))).isFalse();
    assertThat(CassandraSpanWriter.shouldIndex("k", "{\"a\":1}")).isFalse();
  }
}
