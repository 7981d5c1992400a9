package io.spoor.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.UdtValue;
import com.datastax.oss.driver.api.core.type.UserDefinedType;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.SpanKind;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Operation;
import io.spoor.storage.Storage;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows written with plain CQL exactly as Jaeger's Go writer lays them out are read by Spoor's reader,
 * and the rows Spoor writes read back with plain CQL in Jaeger's layout: the contract that lets one
 * keyspace serve both.
 */
@ExtendWith(CassandraExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JaegerSchemaCompatibilityTest {
  private static final String KS = CassandraStorageTest.KEYSPACE;
  private static final long HOUR_MICROS = 3_600_000_000L;
  private Storage storage;
  private CqlSession cql;
  /** A start time 40 minutes past an hour, 3 hours ago, in whole microseconds. */
  private final long start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3))
      .plus(Duration.ofMinutes(40)).toEpochMilli() * 1000 + 123;

  @BeforeAll
  void connect(CassandraServer node) {
    storage = TestCassandra.storage(node, KS);
    storage.start();
    cql = CqlSession.builder().addContactPoint(node.contactPoint()).withLocalDatacenter(node.datacenter())
        .withAuthCredentials(node.username(), node.password()).withKeyspace(KS).build();
  }

  @AfterAll
  void close() {
    cql.close();
    storage.close();
  }

  @BeforeEach
  void purge() {
    storage.purge();
  }

  private UserDefinedType type(String name) {
    return cql.getMetadata().getKeyspace(KS).orElseThrow().getUserDefinedType(name).orElseThrow();
  }

  private UdtValue kv(String key, String type, Object value) {
    UdtValue v = type("keyvalue").newValue().setString("key", key).setString("value_type", type)
        .setString("value_string", "").setBoolean("value_bool", false).setLong("value_long", 0L)
        .setDouble("value_double", 0.0);
    switch (type) {
      case "string": return v.setString("value_string", (String) value);
      case "bool": return v.setBoolean("value_bool", (Boolean) value);
      case "int64": return v.setLong("value_long", (Long) value);
      case "float64": return v.setDouble("value_double", (Double) value);
      default: return v.setByteBuffer("value_binary", ByteBuffer.wrap((byte[]) value));
    }
  }

  private static ByteBuffer id(long high, long low) {
    return ByteBuffer.allocate(16).putLong(high).putLong(low).flip();
  }

  /** What Jaeger's writer stores for one server span with a parent, typed tags, a log and process tags. */
  private void writeAsJaeger(ByteBuffer traceId, long spanId, long parentId, String service, String operation,
      long startMicros, long durationMicros) {
    long spanHash = 0x5eed0000L + spanId;
    List<UdtValue> tags = List.of(kv("span.kind", "string", "server"), kv("http.status_code", "int64", 503L),
        kv("error", "bool", true), kv("ratio", "float64", 0.25), kv("payload", "binary", new byte[] {1, 2}));
    UdtValue log = type("log").newValue().setLong("ts", startMicros + 5)
        .setList("fields", List.of(kv("event", "string", "retry")), UdtValue.class);
    UdtValue ref = type("span_ref").newValue().setString("ref_type", "follows-from").setByteBuffer("trace_id", traceId)
        .setLong("span_id", 77L);
    UdtValue process = type("process").newValue().setString("service_name", service)
        .setList("tags", List.of(kv("hostname", "string", "box-1")), UdtValue.class);
    cql.execute(cql.prepare("INSERT INTO traces(trace_id, span_id, span_hash, parent_id, operation_name, flags,"
        + " start_time, duration, tags, logs, refs, process) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(traceId, spanId, spanHash, parentId, operation, 1, startMicros, durationMicros, tags, List.of(log),
            List.of(ref), process));
    cql.execute(cql.prepare("INSERT INTO service_names(service_name) VALUES (?)").bind(service));
    cql.execute(cql.prepare("INSERT INTO operation_names_v2(service_name, span_kind, operation_name) VALUES (?, ?, ?)")
        .bind(service, "server", operation));
    cql.execute(cql.prepare("INSERT INTO service_name_index(service_name, bucket, start_time, trace_id) VALUES (?, ?, ?, ?)")
        .bind(service, (int) (spanHash % 10), startMicros, traceId));
    cql.execute(cql.prepare("INSERT INTO service_operation_index(service_name, operation_name, start_time, trace_id)"
        + " VALUES (?, ?, ?, ?)").bind(service, operation, startMicros, traceId));
    for (String[] tag : new String[][] {{"error", "true"}, {"event", "retry"}, {"hostname", "box-1"},
        {"http.status_code", "503"}, {"ratio", "0.25"}, {"span.kind", "server"}}) {
      cql.execute(cql.prepare("INSERT INTO tag_index(trace_id, span_id, service_name, start_time, tag_key, tag_value)"
          + " VALUES (?, ?, ?, ?, ?, ?)").bind(traceId, spanId, service, startMicros, tag[0], tag[1]));
    }
    Instant bucket = Instant.ofEpochMilli(roundToHour(startMicros) / 1000);
    for (String op : List.of("", operation)) {
      cql.execute(cql.prepare("INSERT INTO duration_index(service_name, operation_name, bucket, duration, start_time,"
          + " trace_id) VALUES (?, ?, ?, ?, ?, ?)").bind(service, op, bucket, durationMicros, startMicros, traceId));
    }
  }

  private static long roundToHour(long micros) {
    long floor = Math.floorDiv(micros, HOUR_MICROS) * HOUR_MICROS;
    return micros - floor >= HOUR_MICROS / 2 ? floor + HOUR_MICROS : floor;
  }

  @Test
  void rowsWrittenInJaegersLayoutAreReadBySpoor() {
    ByteBuffer traceId = id(0x1122334455667788L, 0x99aabbccddeeff00L);
    writeAsJaeger(traceId, 0x42, 0x41, "jaeger-written", "GET /pay", start, 1500);
    TraceId expectedId = TraceId.of(0x1122334455667788L, 0x99aabbccddeeff00L);

    Trace trace = storage.spanReader().getTrace(expectedId).orElseThrow();
    assertThat(trace.spans()).hasSize(1);
    Span span = trace.spans().get(0);
    assertThat(span.spanId()).isEqualTo(SpanId.of(0x42));
    assertThat(span.operationName()).isEqualTo("GET /pay");
    assertThat(span.flags()).isEqualTo(1);
    assertThat(span.startTimeMicros()).isEqualTo(start);
    assertThat(span.durationMicros()).isEqualTo(1500);
    assertThat(span.tags()).containsExactly(KeyValue.of("span.kind", "server"), KeyValue.of("http.status_code", 503L),
        KeyValue.of("error", true), KeyValue.of("ratio", 0.25), KeyValue.ofBinary("payload", new byte[] {1, 2}));
    assertThat(span.logs()).containsExactly(new Log((start + 5) * 1000, List.of(KeyValue.of("event", "retry"))));
    assertThat(span.process()).isEqualTo(new Process("jaeger-written", List.of(KeyValue.of("hostname", "box-1"))));
    // parent_id without a child-of reference becomes one, as Jaeger's reader does it
    assertThat(span.references()).containsExactlyInAnyOrder(
        SpanRef.childOf(expectedId, SpanId.of(0x41)), SpanRef.followsFrom(expectedId, SpanId.of(77)));
    assertThat(span.kind()).isEqualTo(SpanKind.SERVER);

    assertThat(storage.spanReader().getServices()).containsExactly("jaeger-written");
    assertThat(storage.spanReader().getOperations("jaeger-written", SpanKind.SERVER))
        .containsExactly(new Operation("GET /pay", SpanKind.SERVER));

    TraceQuery.Builder q = TraceQuery.newBuilder().serviceName("jaeger-written")
        .startTimeMinNanos((start - 60_000_000) * 1000).startTimeMaxNanos((start + 60_000_000) * 1000);
    assertThat(storage.spanReader().findTraceIds(q.build())).containsExactly(expectedId);
    assertThat(storage.spanReader().findTraceIds(q.operationName("GET /pay").build())).containsExactly(expectedId);
    assertThat(storage.spanReader().findTraceIds(q.operationName(null)
        .addTag(TagFilter.equalTo("http.status_code", "503")).addTag(TagFilter.equalTo("hostname", "box-1")).build()))
        .containsExactly(expectedId);
    assertThat(storage.spanReader().findTraceIds(q.tags(List.of()).durationMin(Duration.ofNanos(1_000_000))
        .durationMax(Duration.ofNanos(2_000_000)).build())).containsExactly(expectedId);
    assertThat(storage.spanReader().findTraceIds(q.durationMin(Duration.ofNanos(2_000_000))
        .durationMax(Duration.ofSeconds(1)).build())).isEmpty();
  }

  @Test
  void rowsWrittenBySpoorAreInJaegersLayout() {
    TraceId traceId = TraceId.of(0x0102030405060708L, 0x1112131415161718L);
    Span span = Span.newBuilder()
        .traceId(traceId)
        .spanId(SpanId.of(0xfedcba9876543210L)) // negative as a signed bigint, as Go stores it
        .operationName("charge")
        .references(List.of(SpanRef.childOf(traceId, SpanId.of(5))))
        .flags(3)
        .startTimeMicros(start)
        .durationMicros(2500)
        .tags(List.of(KeyValue.of("span.kind", "client"), KeyValue.of("retries", 2L), KeyValue.of("ok", false),
            KeyValue.of("ratio", 72.5), KeyValue.of("json", "{\"a\":1}")))
        .logs(List.of(new Log((start + 10) * 1000, List.of(KeyValue.of("event", "sent")))))
        .process(new Process("spoor-written", List.of(KeyValue.of("ip", "10.0.0.1"))))
        .build();
    storage.spanWriter().write(List.of(span));
    ByteBuffer rawId = id(0x0102030405060708L, 0x1112131415161718L);

    Row row = cql.execute(cql.prepare("SELECT span_id, span_hash, parent_id, operation_name, flags, start_time, duration,"
        + " tags, logs, refs, process FROM traces WHERE trace_id = ?").bind(rawId)).one();
    assertThat(row).isNotNull();
    assertThat(row.getLong("span_id")).isEqualTo(0xfedcba9876543210L);
    assertThat(row.getLong("parent_id")).isEqualTo(5);
    assertThat(row.getString("operation_name")).isEqualTo("charge");
    assertThat(row.getInt("flags")).isEqualTo(3);
    assertThat(row.getLong("start_time")).isEqualTo(start);
    assertThat(row.getLong("duration")).isEqualTo(2500);
    assertThat(row.getList("tags", UdtValue.class)).extracting(t -> t.getString("key"), t -> t.getString("value_type"),
            t -> t.getString("value_string"), t -> t.getLong("value_long"), t -> t.getBoolean("value_bool"),
            t -> t.getDouble("value_double"))
        .containsExactly(tuple("span.kind", "string", "client", 0L, false, 0.0),
            tuple("retries", "int64", "", 2L, false, 0.0), tuple("ok", "bool", "", 0L, false, 0.0),
            tuple("ratio", "float64", "", 0L, false, 72.5), tuple("json", "string", "{\"a\":1}", 0L, false, 0.0));
    UdtValue log = row.getList("logs", UdtValue.class).get(0);
    assertThat(log.getLong("ts")).isEqualTo(start + 10);
    assertThat(log.getList("fields", UdtValue.class).get(0).getString("value_string")).isEqualTo("sent");
    UdtValue ref = row.getList("refs", UdtValue.class).get(0);
    assertThat(ref.getString("ref_type")).isEqualTo("child-of");
    assertThat(ref.getByteBuffer("trace_id")).isEqualTo(rawId);
    assertThat(ref.getLong("span_id")).isEqualTo(5);
    assertThat(row.getUdtValue("process").getString("service_name")).isEqualTo("spoor-written");
    assertThat(row.getUdtValue("process").getList("tags", UdtValue.class).get(0).getString("value_string"))
        .isEqualTo("10.0.0.1");
    long spanHash = row.getLong("span_hash");

    assertThat(cql.execute("SELECT service_name FROM service_names").all()).extracting(r -> r.getString(0))
        .containsExactly("spoor-written");
    assertThat(cql.execute(cql.prepare("SELECT span_kind, operation_name FROM operation_names_v2 WHERE service_name = ?")
        .bind("spoor-written")).all()).extracting(r -> r.getString(0), r -> r.getString(1))
        .containsExactly(tuple("client", "charge"));
    Row byService = cql.execute(cql.prepare("SELECT start_time, trace_id FROM service_name_index"
        + " WHERE service_name = ? AND bucket = ?").bind("spoor-written", (int) Long.remainderUnsigned(spanHash, 10))).one();
    assertThat(byService).isNotNull();
    assertThat(byService.getLong(0)).isEqualTo(start);
    assertThat(byService.getByteBuffer(1)).isEqualTo(rawId);
    assertThat(cql.execute(cql.prepare("SELECT start_time, trace_id FROM service_operation_index"
        + " WHERE service_name = ? AND operation_name = ?").bind("spoor-written", "charge")).all())
        .extracting(r -> r.getLong(0), r -> r.getByteBuffer(1)).containsExactly(tuple(start, rawId));
    Instant bucket = Instant.ofEpochMilli(roundToHour(start) / 1000);
    assertThat(bucket).isEqualTo(Instant.ofEpochMilli(start / 1000).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)))
        .as("40 minutes past rounds up to the next hour");
    for (String op : List.of("", "charge")) {
      assertThat(cql.execute(cql.prepare("SELECT duration, start_time, trace_id FROM duration_index"
          + " WHERE service_name = ? AND operation_name = ? AND bucket = ?").bind("spoor-written", op, bucket)).all())
          .extracting(r -> r.getLong(0), r -> r.getLong(1), r -> r.getByteBuffer(2))
          .containsExactly(tuple(2500L, start, rawId));
    }
    Map<String, String> tagIndex = new TreeMap<>();
    for (Row r : cql.execute("SELECT tag_key, tag_value, start_time, span_id, trace_id FROM tag_index").all()) {
      assertThat(r.getLong(2)).isEqualTo(start);
      assertThat(r.getLong(3)).isEqualTo(0xfedcba9876543210L);
      assertThat(r.getByteBuffer(4)).isEqualTo(rawId);
      tagIndex.put(r.getString(0), r.getString(1));
    }
    // Values as Jaeger's KeyValue.AsString renders them; JSON objects are not indexed (as in Jaeger).
    assertThat(tagIndex).isEqualTo(Map.of("span.kind", "client", "retries", "2", "ok", "false", "ratio", "72.5",
        "event", "sent", "ip", "10.0.0.1"));
  }

  @Test
  void dependenciesAreStoredInJaegersDayBuckets() {
    Instant ts = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(2));
    storage.dependencyStore().writeDependencies(ts, List.of(
        new io.spoor.model.DependencyLink("front", "back", 4, "jaeger")));
    Row row = cql.execute(cql.prepare("SELECT ts, dependencies FROM dependencies_v2 WHERE ts_bucket = ?")
        .bind(ts.truncatedTo(ChronoUnit.DAYS))).one();
    assertThat(row).isNotNull();
    assertThat(row.getInstant(0)).isEqualTo(ts);
    assertThat(row.getList(1, UdtValue.class)).extracting(d -> d.getString("parent"), d -> d.getString("child"),
        d -> d.getLong("call_count"), d -> d.getString("source")).containsExactly(tuple("front", "back", 4L, "jaeger"));

    // and a row Jaeger's Spark job wrote reads back
    UdtValue dep = type("dependency").newValue().setString("parent", "spark-a").setString("child", "spark-b")
        .setLong("call_count", 9L).setString("source", "jaeger");
    Instant other = ts.plusSeconds(60);
    cql.execute(cql.prepare("INSERT INTO dependencies_v2(ts, ts_bucket, dependencies) VALUES (?, ?, ?)")
        .bind(other, other.truncatedTo(ChronoUnit.DAYS), List.of(dep)));
    assertThat(storage.dependencyStore().getDependencies(ts.plus(Duration.ofMinutes(5)), Duration.ofMinutes(10)))
        .extracting(io.spoor.model.DependencyLink::parent, io.spoor.model.DependencyLink::child,
            io.spoor.model.DependencyLink::callCount)
        .containsExactly(tuple("front", "back", 4L), tuple("spark-a", "spark-b", 9L));
  }
}
