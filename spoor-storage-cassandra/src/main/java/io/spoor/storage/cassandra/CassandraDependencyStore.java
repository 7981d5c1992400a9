package io.spoor.storage.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.spoor.model.DependencyLink;
import io.spoor.storage.DependencyStore;
import static io.spoor.storage.cassandra.CassandraStorage.prepare;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Jaeger's {@code dependencies_v2}: one row per write, keyed by {@code ts_bucket} (the timestamp
 * truncated to the UTC day) and {@code ts}, holding a list of {@code dependency} UDTs. Reads ask every
 * day bucket of the window and sum the call counts per (parent, child).
 */
final class CassandraDependencyStore implements DependencyStore {
  private static final Duration BUCKET = Duration.ofDays(1);

  private final Requests requests;
  private final UserDefinedType dependencyType;
  private final PreparedStatement insert;
  private final PreparedStatement select;

  CassandraDependencyStore(CqlSession session, String keyspace, Requests requests, UserDefinedType dependencyType) {
    this.requests = requests;
    this.dependencyType = dependencyType;
    this.insert = prepare(session, keyspace, "INSERT INTO dependencies_v2(ts, ts_bucket, dependencies) VALUES (?, ?, ?)");
    this.select = prepare(session, keyspace, 
        "SELECT ts, dependencies FROM dependencies_v2 WHERE ts_bucket IN ? AND ts >= ? AND ts <= ?");
  }

  @Override
  public void writeDependencies(Instant timestamp, List<DependencyLink> links) {
    List<UdtValue> deps = new ArrayList<>(links.size());
    for (DependencyLink link : links) {
      deps.add(dependencyType.newValue()
          .setString("parent", link.parent())
          .setString("child", link.child())
          .setLong("call_count", link.callCount())
          .setString("source", link.source()));
    }
    Instant ts = timestamp.truncatedTo(ChronoUnit.MILLIS);
    Requests.await(requests.send(insert.bind(ts, ts.truncatedTo(ChronoUnit.DAYS), deps).setIdempotent(true)),
        "writing dependencies");
  }

  @Override
  public List<DependencyLink> getDependencies(Instant end, Duration lookback) {
    Instant start = end.minus(lookback);
    List<Instant> buckets = new ArrayList<>();
    for (Instant b = start.truncatedTo(ChronoUnit.DAYS); !b.isAfter(end); b = b.plus(BUCKET)) {
      buckets.add(b);
    }
    Map<String, DependencyLink> sums = new TreeMap<>();
    for (Row row : Requests.allRows(requests.send(select.bind(buckets, start, end)), "reading dependencies")) {
      for (UdtValue d : row.getList(1, UdtValue.class)) {
        String parent = nonNull(d.getString("parent"));
        String child = nonNull(d.getString("child"));
        String key = parent + "\u0000" + child;
        DependencyLink prev = sums.get(key);
        long calls = d.getLong("call_count") + (prev == null ? 0 : prev.callCount());
        String source = nonNull(d.getString("source"));
        sums.put(key, new DependencyLink(parent, child, calls, prev == null ? source : prev.source()));
      }
    }
    return new ArrayList<>(sums.values());
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
