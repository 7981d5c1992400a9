package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options with Jaeger's names, their defaults, and one clear line for each bad value. */
class EsConfigTest {
  private static EsConfig config(Map<String, String> values) {
    return EsConfig.from(StorageSettings.of(values));
  }

  @Test
  void defaultsAreJaegers() {
    EsConfig c = config(Map.of());
    assertThat(c.serverUrls()).hasToString("[http://127.0.0.1:9200]");
    assertThat(c.numShards()).isEqualTo(5);
    assertThat(c.numReplicas()).isEqualTo(1);
    assertThat(c.maxSpanAge()).isEqualTo(Duration.ofHours(72));
    assertThat(c.dotReplacement()).isEqualTo("@");
    assertThat(c.createIndexTemplates()).isTrue();
    assertThat(c.useAliases()).isFalse();
    assertThat(c.hasLifecycle()).isFalse();
  }

  @Test
  void retentionTakesDaysAndGoDurations() {
    assertThat(config(Map.of("es.retention", "7d")).retention()).isEqualTo(Duration.ofDays(7));
    assertThat(config(Map.of("es.retention", "36h")).retention()).isEqualTo(Duration.ofHours(36));
    assertThat(config(Map.of("es.retention", "7d")).hasLifecycle()).isTrue();
  }

  @Test
  void badValuesNameTheFlag() {
    assertThatThrownBy(() -> config(Map.of("es.server-urls", "ftp://x")))
        .hasMessageContaining("--es.server-urls").hasMessageContaining("expected: http://host:port");
    assertThatThrownBy(() -> config(Map.of("es.num-shards", "0"))).hasMessageContaining("--es.num-shards: 0");
    assertThatThrownBy(() -> config(Map.of("es.version", "5"))).hasMessageContaining("--es.version: 5");
    assertThatThrownBy(() -> config(Map.of("es.index-prefix", "Prod"))).hasMessageContaining("--es.index-prefix");
    assertThatThrownBy(() -> config(Map.of("es.rollover.max-age", "1d")))
        .hasMessageContaining("needs --es.use-aliases=true");
    assertThatThrownBy(() -> config(Map.of("es.use-aliases", "true", "es.rollover.max-size", "lots")))
        .hasMessageContaining("--es.rollover.max-size: \"lots\"");
    assertThatThrownBy(() -> config(Map.of("es.tags-as-fields.config-file", "/no/such/file")))
        .hasMessageContaining("--es.tags-as-fields.config-file: cannot read /no/such/file");
    assertThatThrownBy(() -> config(Map.of("es.retention", "-1h"))).hasMessageContaining("--es.retention");
  }

  @Test
  void bothNamesAreRegisteredAndCreateWithoutIo() {
    assertThat(StorageFactory.find("elasticsearch")).isPresent();
    assertThat(StorageFactory.find("opensearch")).isPresent();
    // nothing listens there; create() must not connect
    StorageFactory.find("opensearch").orElseThrow()
        .create(StorageSettings.of(Map.of("es.server-urls", "http://127.0.0.1:1"))).close();
  }
}
