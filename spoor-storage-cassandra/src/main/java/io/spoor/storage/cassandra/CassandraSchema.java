package io.spoor.storage.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.spoor.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Jaeger's Cassandra schema v004 (Spoor's statement of it: {@code schema-v004.cql}), created and
 * recognised. {@link #inspect} tells whether a keyspace holds this schema, an older Jaeger schema or
 * something else; {@link #create} creates what is missing and refuses anything foreign.
 */
public final class CassandraSchema {
  /** The Jaeger schema version Spoor reads and writes. */
  public static final String VERSION = "v004";

  /** Columns and their CQL types (as {@code system_schema.columns} prints them) of every v004 table. */
  static final Map<String, Map<String, String>> TABLES = new LinkedHashMap<>();
  /** Field types of every v004 user type. */
  static final Map<String, Map<String, String>> TYPES = new LinkedHashMap<>();

  static {
    TYPES.put("keyvalue", columns("key", "text", "value_type", "text", "value_string", "text", "value_bool", "boolean",
        "value_long", "bigint", "value_double", "double", "value_binary", "blob"));
    TYPES.put("log", columns("ts", "bigint", "fields", "frozen<list<frozen<keyvalue>>>"));
    TYPES.put("span_ref", columns("ref_type", "text", "trace_id", "blob", "span_id", "bigint"));
    TYPES.put("process", columns("service_name", "text", "tags", "frozen<list<frozen<keyvalue>>>"));
    TYPES.put("dependency", columns("parent", "text", "child", "text", "call_count", "bigint", "source", "text"));
    TABLES.put("traces", columns("trace_id", "blob", "span_id", "bigint", "span_hash", "bigint", "parent_id", "bigint",
        "operation_name", "text", "flags", "int", "start_time", "bigint", "duration", "bigint",
        "tags", "list<frozen<keyvalue>>", "logs", "list<frozen<log>>", "refs", "list<frozen<span_ref>>",
        "process", "frozen<process>"));
    TABLES.put("service_names", columns("service_name", "text"));
    TABLES.put("operation_names_v2", columns("service_name", "text", "span_kind", "text", "operation_name", "text"));
    TABLES.put("service_operation_index", columns("service_name", "text", "operation_name", "text",
        "start_time", "bigint", "trace_id", "blob"));
    TABLES.put("service_name_index", columns("service_name", "text", "bucket", "int", "start_time", "bigint",
        "trace_id", "blob"));
    TABLES.put("duration_index", columns("service_name", "text", "operation_name", "text", "bucket", "timestamp",
        "duration", "bigint", "start_time", "bigint", "trace_id", "blob"));
    TABLES.put("tag_index", columns("service_name", "text", "tag_key", "text", "tag_value", "text",
        "start_time", "bigint", "trace_id", "blob", "span_id", "bigint"));
    TABLES.put("dependencies_v2", columns("ts_bucket", "timestamp", "ts", "timestamp",
        "dependencies", "list<frozen<dependency>>"));
    TABLES.put("operation_throughput", columns("bucket", "int", "ts", "timeuuid", "throughput", "text"));
    TABLES.put("sampling_probabilities", columns("bucket", "int", "ts", "timeuuid", "hostname", "text",
        "probabilities", "text"));
    TABLES.put("leases", columns("name", "text", "owner", "text"));
  }

  /** Tables of Jaeger's older schemas that v004 replaced, with the version they reveal. */
  private static final Map<String, String> OLDER = Map.of(
      "operation_names", "v003 or older (operation_names without span kind; v004 has operation_names_v2)",
      "dependencies", "v001/v002 (dependencies with a SASI index; v004 has dependencies_v2)");

  private CassandraSchema() {}

  /** What a keyspace holds. */
  public record State(boolean keyspaceExists, List<String> missing, List<String> problems) {
    /** The keyspace holds every v004 table and type, each with v004's columns. */
    public boolean complete() {
      return keyspaceExists && missing.isEmpty() && problems.isEmpty();
    }

    /** Something in the keyspace is not v004 (another Jaeger version or a foreign table layout). */
    public boolean foreign() {
      return !problems.isEmpty();
    }
  }

  /** Reads {@code system_schema} for the keyspace. */
  public static State inspect(CqlSession session, String keyspace) {
    boolean exists = session.execute(SimpleStatement.newInstance(
        "SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = ?", keyspace)).one() != null;
    if (!exists) {
      return new State(false, new ArrayList<>(TABLES.keySet()), List.of());
    }
    Map<String, Map<String, String>> tables = new TreeMap<>();
    for (Row row : session.execute(SimpleStatement.newInstance(
        "SELECT table_name, column_name, type FROM system_schema.columns WHERE keyspace_name = ?", keyspace))) {
      tables.computeIfAbsent(row.getString(0), t -> new TreeMap<>()).put(row.getString(1), row.getString(2));
    }
    Map<String, Map<String, String>> types = new TreeMap<>();
    for (Row row : session.execute(SimpleStatement.newInstance(
        "SELECT type_name, field_names, field_types FROM system_schema.types WHERE keyspace_name = ?", keyspace))) {
      List<String> names = row.getList(1, String.class);
      List<String> fieldTypes = row.getList(2, String.class);
      Map<String, String> fields = new TreeMap<>();
      for (int i = 0; i < names.size(); i++) {
        fields.put(names.get(i), fieldTypes.get(i));
      }
      types.put(row.getString(0), fields);
    }
    List<String> missing = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    compare("type", TYPES, types, missing, problems);
    compare("table", TABLES, tables, missing, problems);
    for (Map.Entry<String, String> older : OLDER.entrySet()) {
      if (tables.containsKey(older.getKey()) && !tables.containsKey(older.getKey() + "_v2")) {
        problems.add("table " + older.getKey() + " of Jaeger's schema " + older.getValue());
      }
    }
    return new State(true, missing, problems);
  }

  private static void compare(String what, Map<String, Map<String, String>> expected,
      Map<String, Map<String, String>> actual, List<String> missing, List<String> problems) {
    for (Map.Entry<String, Map<String, String>> e : expected.entrySet()) {
      Map<String, String> found = actual.get(e.getKey());
      if (found == null) {
        missing.add(what + " " + e.getKey());
        continue;
      }
      if (!found.equals(new TreeMap<>(e.getValue()))) {
        TreeSet<String> diff = new TreeSet<>();
        for (Map.Entry<String, String> col : e.getValue().entrySet()) {
          String type = found.get(col.getKey());
          if (type == null) {
            diff.add(col.getKey() + " missing");
          } else if (!type.equals(col.getValue())) {
            diff.add(col.getKey() + " is " + type + " (v004: " + col.getValue() + ")");
          }
        }
        for (String col : found.keySet()) {
          if (!e.getValue().containsKey(col)) {
            diff.add(col + " is not in v004");
          }
        }
        problems.add(what + " " + e.getKey() + ": " + String.join(", ", diff));
      }
    }
  }

  /**
   * Creates the keyspace and every missing table and type; idempotent.
   *
   * @return true when something was created, false when everything was there
   * @throws StorageException naming what is foreign when the keyspace holds another schema
   */
  public static boolean create(CqlSession session, String keyspace, CassandraConfig.SchemaConfig config,
      Duration timeout) {
    State before = inspect(session, keyspace);
    refuseForeign(keyspace, before);
    if (before.complete()) {
      return false;
    }
    for (String statement : statements(keyspace, config)) {
      session.execute(SimpleStatement.newInstance(statement).setTimeout(timeout.multipliedBy(3)));
    }
    State after = inspect(session, keyspace);
    refuseForeign(keyspace, after);
    if (!after.complete()) {
      throw new StorageException("cassandra: keyspace " + keyspace + " still lacks " + after.missing()
          + " after creating the schema");
    }
    return true;
  }

  /** @throws StorageException unless the keyspace holds the complete v004 schema */
  static void requireComplete(CqlSession session, String keyspace) {
    State state = inspect(session, keyspace);
    refuseForeign(keyspace, state);
    if (!state.keyspaceExists()) {
      throw new StorageException("cassandra: keyspace " + keyspace + " does not exist; create it with"
          + " `spoor cassandra init` (or start with --cassandra.create-schema=true)");
    }
    if (!state.complete()) {
      throw new StorageException("cassandra: keyspace " + keyspace + " lacks " + String.join(", ", state.missing())
          + " of Jaeger's schema " + VERSION + "; create it with `spoor cassandra init`"
          + " (or start with --cassandra.create-schema=true)");
    }
  }

  private static void refuseForeign(String keyspace, State state) {
    if (state.foreign()) {
      throw new StorageException("cassandra: keyspace " + keyspace + " holds a schema other than Jaeger's "
          + VERSION + ", which Spoor reads and writes: " + String.join("; ", state.problems())
          + ". Migrate it with Jaeger's migration scripts or choose another --cassandra.keyspace.");
    }
  }

  /** The CQL statements of {@code schema-v004.cql} with the values filled in, comments removed. */
  static List<String> statements(String keyspace, CassandraConfig.SchemaConfig config) {
    String template;
    try (InputStream in = CassandraSchema.class.getResourceAsStream("schema-v004.cql")) {
      if (in == null) {
        throw new IllegalStateException("schema-v004.cql is missing from the class path");
      }
      template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder cql = new StringBuilder();
    for (String line : template.split("\n")) {
      int comment = line.indexOf("--");
      cql.append(comment >= 0 ? line.substring(0, comment) : line).append('\n');
    }
    String filled = cql.toString()
        .replace("${keyspace}", keyspace)
        .replace("${replication}", config.replication())
        .replace("${trace_ttl}", Long.toString(config.spanTtl().toSeconds()))
        .replace("${dependencies_ttl}", Long.toString(config.dependenciesTtl().toSeconds()))
        .replace("${compaction_window_size}", Long.toString(config.compactionWindow().toMinutes()))
        .replace("${compaction_window_unit}", "MINUTES");
    List<String> out = new ArrayList<>();
    for (String statement : filled.split(";")) {
      String s = statement.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static Map<String, String> columns(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
