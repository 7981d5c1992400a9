package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spoor.storage.elasticsearch.IndexNames.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index clean-up and rollover on the cluster, for the collector's schedule ({@code --es.retention},
 * {@code --es.rollover.*}) and for the {@code spoor es index-cleaner} and {@code spoor es rollover}
 * commands, which follow Jaeger's {@code es-index-cleaner} and {@code es-rollover}.
 */
final class IndexLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(IndexLifecycle.class);

  /**
   * An index of the cluster with its creation time and aliases (true: the alias writes to this index;
   * after a rollover the old index keeps the write alias with {@code is_write_index: false}).
   */
  record Index(String name, Instant created, Map<String, Boolean> aliases) {
    boolean isWriteIndex(IndexNames names) {
      for (Kind kind : Kind.values()) {
        if (Boolean.TRUE.equals(aliases.get(names.writeAlias(kind)))) {
          return true;
        }
      }
      return false;
    }
  }

  private final EsClient client;
  private final IndexNames names;
  private final Clock clock;
  private final EsMetrics metrics;

  IndexLifecycle(EsClient client, IndexNames names, Clock clock, EsMetrics metrics) {
    this.client = client;
    this.names = names;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The span, service and dependency indices of this prefix (Jaeger's sampling indices too). */
  List<Index> jaegerIndices() {
    String pattern = names.prefix() + "jaeger-span-*," + names.prefix() + "jaeger-service-*,"
        + names.prefix() + "jaeger-dependencies-*," + names.prefix() + "jaeger-sampling-*";
    JsonNode settings = client.request("GET", "/" + pattern
        + "/_settings/index.creation_date?ignore_unavailable=true&allow_no_indices=true&expand_wildcards=open,closed",
        (String) null);
    JsonNode aliases = client.request("GET", "/" + pattern
        + "/_alias?ignore_unavailable=true&allow_no_indices=true", (String) null);
    List<Index> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = settings.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      long created = e.getValue().path("settings").path("index").path("creation_date").asLong(0);
      Map<String, Boolean> indexAliases = new LinkedHashMap<>();
      aliases.path(e.getKey()).path("aliases").fields().forEachRemaining(
          a -> indexAliases.put(a.getKey(), a.getValue().path("is_write_index").asBoolean(true)));
      out.add(new Index(e.getKey(), Instant.ofEpochMilli(created), indexAliases));
    }
    out.sort(java.util.Comparator.comparing(Index::name));
    return out;
  }

  /**
   * Jaeger's es-index-cleaner: deletes the indices of the daily pattern (or, with {@code rollover},
   * {@code jaeger-*-NNNNNN}) created before midnight UTC tomorrow minus {@code days} days, except
   * those behind a write alias.
   *
   * @return the deleted indices
   */
  List<String> cleanLikeJaeger(int days, boolean rollover, String separator) {
    LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
    Instant cutoff = tomorrow.atStartOfDay(ZoneOffset.UTC).toInstant().minus(Duration.ofDays(days));
    String sep = Pattern.quote(separator);
    Pattern pattern = rollover
        ? Pattern.compile("^" + Pattern.quote(names.prefix()) + "jaeger-(span|service|dependencies|sampling)-\\d{6}")
        : Pattern.compile("^" + Pattern.quote(names.prefix()) + "jaeger-(span|service|dependencies|sampling)-"
            + "(\\d{4}" + sep + "\\d{2}" + sep + "\\d{2}|\\d{4}" + sep + "\\d{2}|\\d{4})\\b");
    List<String> doomed = new ArrayList<>();
    for (Index index : jaegerIndices()) {
      if (pattern.matcher(index.name()).find() && !index.isWriteIndex(names) && index.created().isBefore(cutoff)) {
        doomed.add(index.name());
      }
    }
    delete(doomed);
    return doomed;
  }

  /**
   * Spoor's own retention: deletes daily indices whose whole day ended more than {@code retention} ago
   * (by the date in the name), and rollover indices created more than {@code retention} ago that no
   * longer take writes.
   */
  List<String> deleteOlderThan(Duration retention) {
    Instant cutoff = clock.instant().minus(retention);
    List<String> doomed = new ArrayList<>();
    Pattern rolloverName = Pattern.compile("^" + Pattern.quote(names.prefix())
        + "jaeger-(span|service|dependencies)-\\d{6}$");
    for (Index index : jaegerIndices()) {
      if (index.isWriteIndex(names)) {
        continue;
      }
      LocalDate day = null;
      for (Kind kind : Kind.values()) {
        day = day != null ? day : names.dayOf(kind, index.name());
      }
      if (day != null) {
        if (!day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(cutoff)) {
          doomed.add(index.name());
        }
      } else if (rolloverName.matcher(index.name()).matches() && index.created().isBefore(cutoff)) {
        doomed.add(index.name());
      }
    }
    delete(doomed);
    return doomed;
  }

  private void delete(List<String> indices) {
    for (int i = 0; i < indices.size(); i += 50) {
      List<String> chunk = indices.subList(i, Math.min(indices.size(), i + 50));
      client.request("DELETE", "/" + String.join(",", chunk) + "?ignore_unavailable=true", (String) null);
      metrics.indicesDeleted.add(chunk.size());
      LOG.info("deleted indices {}", chunk);
    }
  }

  /**
   * Jaeger's {@code es-rollover init}: for each kind without its write alias, creates {@code
   * jaeger-<kind>-000001} behind the read alias and the write alias.
   *
   * @return the indices created
   */
  List<String> initAliases() {
    List<String> created = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      if (client.head("/_alias/" + names.writeAlias(kind)) == 200) {
        continue;
      }
      String index = names.firstRolloverIndex(kind);
      ObjectNode body = SearchQueries.object();
      ObjectNode aliases = body.putObject("aliases");
      aliases.putObject(names.readAlias(kind));
      aliases.putObject(names.writeAlias(kind)).put("is_write_index", true);
      try {
        client.request("PUT", "/" + index, body);
        created.add(index);
      } catch (EsResponseException e) {
        if (!e.errorType().equals("resource_already_exists_exception")) {
          throw e;
        }
        // created by another process meanwhile, or left without aliases: attach them
        ObjectNode actions = SearchQueries.object();
        var add = actions.putArray("actions");
        add.addObject().putObject("add").put("index", index).put("alias", names.readAlias(kind));
        add.addObject().putObject("add").put("index", index).put("alias", names.writeAlias(kind))
            .put("is_write_index", true);
        client.request("POST", "/_aliases", actions);
      }
    }
    return created;
  }

  /**
   * Jaeger's {@code es-rollover rollover}: rolls each write alias over to a new index when one of the
   * conditions holds (no conditions: always) and puts the new index behind the read alias.
   *
   * @return the new indices
   */
  List<String> rollover(@Nullable String maxAge, @Nullable String maxSize) {
    ObjectNode conditions = SearchQueries.object();
    if (maxAge != null) {
      conditions.put("max_age", maxAge);
    }
    if (maxSize != null) {
      conditions.put("max_size", maxSize);
    }
    return rollover(conditions);
  }

  List<String> rollover(ObjectNode conditions) {
    List<String> rolled = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      if (client.head("/_alias/" + names.writeAlias(kind)) != 200) {
        continue;
      }
      ObjectNode body = SearchQueries.object();
      if (!conditions.isEmpty()) {
        body.set("conditions", conditions);
      }
      JsonNode answer = client.request("POST", "/" + names.writeAlias(kind) + "/_rollover", body);
      if (answer.path("rolled_over").asBoolean(false)) {
        String index = answer.path("new_index").asText();
        ObjectNode actions = SearchQueries.object();
        actions.putArray("actions").addObject().putObject("add").put("index", index).put("alias",
            names.readAlias(kind));
        client.request("POST", "/_aliases", actions);
        metrics.rollovers.increment();
        rolled.add(index);
        LOG.info("rolled {} over to {}", names.writeAlias(kind), index);
      }
    }
    return rolled;
  }

  /**
   * Jaeger's {@code es-rollover lookback}: takes the indices created before {@code age} ago out of the
   * read alias, except the write index.
   *
   * @return the indices removed from the read aliases
   */
  List<String> lookback(Duration age) {
    Instant cutoff = clock.instant().minus(age);
    List<String> removed = new ArrayList<>();
    ObjectNode actions = SearchQueries.object();
    var list = actions.putArray("actions");
    for (Index index : jaegerIndices()) {
      if (index.isWriteIndex(names) || !index.created().isBefore(cutoff)) {
        continue;
      }
      for (Kind kind : Kind.values()) {
        if (index.aliases().containsKey(names.readAlias(kind))) {
          list.addObject().putObject("remove").put("index", index.name()).put("alias", names.readAlias(kind));
          removed.add(index.name());
        }
      }
    }
    if (!removed.isEmpty()) {
      client.request("POST", "/_aliases", actions);
    }
    return removed;
  }
}
