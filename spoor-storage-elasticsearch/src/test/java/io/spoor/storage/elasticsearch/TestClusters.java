package io.spoor.storage.elasticsearch;

import io.spoor.storage.Storage;
import io.spoor.storage.StorageFactory;
import io.spoor.storage.StorageSettings;
import java.util.HashMap;
import java.util.Map;

/** Storages on the test node: one index prefix per suite, one shard, no replicas (a single node). */
final class TestClusters {
  private TestClusters() {}

  static Map<String, String> settings(String url, String prefix, String... more) {
    Map<String, String> s = new HashMap<>();
    s.put("es.server-urls", url);
    s.put("es.index-prefix", prefix);
    s.put("es.num-shards", "1");
    s.put("es.num-replicas", "0");
    for (int i = 0; i < more.length; i += 2) {
      s.put(more[i], more[i + 1]);
    }
    return s;
  }

  static Storage storage(String type, String url, String prefix, String... more) {
    return StorageFactory.find(type)
        .orElseThrow(() -> new AssertionError(type + ": not registered in META-INF/services"))
        .create(StorageSettings.of(settings(url, prefix, more)));
  }
}
