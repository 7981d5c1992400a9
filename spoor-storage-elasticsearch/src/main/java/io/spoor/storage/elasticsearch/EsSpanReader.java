package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spoor.model.Span;
import io.spoor.model.SpanKind;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import io.spoor.storage.Operation;
import io.spoor.storage.SpanReader;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TimeWindow;
import io.spoor.storage.TraceQuery;
import io.spoor.storage.elasticsearch.IndexNames.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads Jaeger's span and service indices. Indices come from the time range (daily indices between its
 * ends, missing ones ignored) or are the read alias in alias mode; an unbounded range means the last
 * {@code --es.max-span-age}. Whole traces are read with the scroll API, so a trace of any size comes
 * back complete (no 10,000-hit window). Trace ids of a search come from a {@code terms} aggregation on
 * {@code traceID} ordered by the latest matching span, as in Jaeger.
 */
final class EsSpanReader implements SpanReader {
  private static final long HOUR_MILLIS = 3_600_000L;
  private static final long DAY_MILLIS = 24 * HOUR_MILLIS;
  private static final int SCROLL_PAGE = 10_000;
  private static final int SCAN_PAGE = 200;

  private final EsClient client;
  private final IndexNames names;
  private final SpanDocuments documents;
  private final SearchQueries queries;
  private final EsConfig config;
  private final EsMetrics metrics;
  private final Clock clock;

  EsSpanReader(EsClient client, IndexNames names, SpanDocuments documents, EsConfig config, EsMetrics metrics,
      Clock clock) {
    this.client = client;
    this.names = names;
    this.documents = documents;
    this.queries = new SearchQueries(documents);
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public java.util.Optional<Trace> getTrace(TraceId traceId, TimeWindow hint) {
    long now = clock.millis();
    long from = now - config.maxSpanAge().toMillis() - HOUR_MILLIS;
    long to = now + DAY_MILLIS;
    if (!hint.isUnbounded()) {
      from = Math.min(from, Math.floorDiv(hint.startNanos(), 1_000_000L) - HOUR_MILLIS);
      to = Math.max(to, Math.floorDiv(hint.endNanos(), 1_000_000L) + HOUR_MILLIS);
    }
    Map<TraceId, List<Span>> found = fetch(List.of(traceId), from, to);
    List<Span> spans = found.get(traceId);
    return spans == null || spans.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Trace.of(spans));
  }

  @Override
  public List<Trace> findTraces(TraceQuery query) {
    List<TraceId> ids = findTraceIds(query);
    if (ids.isEmpty()) {
      return List.of();
    }
    long[] range = millisRange(query.startTimeMinNanos(), query.startTimeMaxNanos());
    Map<TraceId, List<Span>> found = fetch(ids, range[0] - HOUR_MILLIS, range[1] + HOUR_MILLIS);
    List<Trace> traces = new ArrayList<>();
    for (TraceId id : ids) {
      List<Span> spans = found.get(id);
      if (spans != null && !spans.isEmpty()) {
        traces.add(Trace.of(spans));
      }
    }
    traces.sort(Comparator.comparingLong(Trace::startTimeNanos).reversed());
    return traces;
  }

  @Override
  public List<TraceId> findTraceIds(TraceQuery query) {
    long[] range = millisRange(query.startTimeMinNanos(), query.startTimeMaxNanos());
    int limit = Math.min(query.limit(), config.maxDocCount());
    ObjectNode body = SearchQueries.object();
    body.put("size", 0);
    body.set("query", queries.spanQuery(query));
    ObjectNode terms = body.putObject("aggs").putObject("traceIDs");
    terms.putObject("terms").put("field", "traceID").put("size", limit)
        .putObject("order").put("startTime", "desc");
    terms.putObject("aggs").putObject("startTime").putObject("max").put("field", "startTime");
    JsonNode answer = search(names.readIndices(Kind.SPAN, range[0], range[1]), body);
    List<TraceId> ids = new ArrayList<>();
    for (JsonNode bucket : answer.path("aggregations").path("traceIDs").path("buckets")) {
      TraceId id = TraceId.parse(bucket.path("key").asText());
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Override
  public List<String> getServices() {
    ObjectNode body = SearchQueries.object();
    body.put("size", 0);
    body.putObject("aggs").putObject("services").putObject("terms").put("field", "serviceName")
        .put("size", config.maxDocCount());
    long now = clock.millis();
    JsonNode answer = search(names.readIndices(Kind.SERVICE, now - config.maxSpanAge().toMillis(), now + DAY_MILLIS),
        body);
    List<String> services = new ArrayList<>();
    answer.path("aggregations").path("services").path("buckets").forEach(b -> services.add(b.path("key").asText()));
    services.sort(null);
    return services;
  }

  /**
   * Jaeger's service documents carry no span kind: without a kind (or {@link SpanKind#UNSPECIFIED})
   * the operations come from them with an unspecified kind; with a kind they come from the span
   * documents whose {@code span.kind} tag has that value.
   */
  @Override
  public List<Operation> getOperations(String service, @Nullable SpanKind kind) {
    long now = clock.millis();
    long from = now - config.maxSpanAge().toMillis();
    ObjectNode body = SearchQueries.object();
    body.put("size", 0);
    body.putObject("aggs").putObject("operations").putObject("terms").put("field", "operationName")
        .put("size", config.maxDocCount());
    String indices;
    SpanKind resultKind;
    if (kind == null || kind == SpanKind.UNSPECIFIED) {
      body.set("query", SearchQueries.term("serviceName", service));
      indices = names.readIndices(Kind.SERVICE, from, now + DAY_MILLIS);
      resultKind = SpanKind.UNSPECIFIED;
    } else {
      ObjectNode bool = SearchQueries.object();
      ArrayNode filter = bool.putObject("bool").putArray("filter");
      filter.add(SearchQueries.term("process.serviceName", service));
      filter.add(queries.anyTag(SpanKind.TAG_KEY, TagFilter.Operator.EQUALS, kind.tagValue()));
      body.set("query", bool);
      indices = names.readIndices(Kind.SPAN, from, now + DAY_MILLIS);
      resultKind = kind;
    }
    JsonNode answer = search(indices, body);
    List<Operation> operations = new ArrayList<>();
    answer.path("aggregations").path("operations").path("buckets")
        .forEach(b -> operations.add(new Operation(b.path("key").asText(), resultKind)));
    operations.sort(null);
    return operations;
  }

  /**
   * Pages through the window's distinct trace ids with a composite aggregation (no id set is held),
   * then reads each page's traces whole.
   */
  @Override
  public void scanTraces(TimeWindow window, Consumer<Trace> consumer) {
    long[] range = millisRange(window.startNanos(), window.endNanos());
    String indices = names.readIndices(Kind.SPAN, range[0], range[1]);
    TraceQuery inWindow = TraceQuery.newBuilder()
        .startTimeMinNanos(window.startNanos()).startTimeMaxNanos(window.endNanos()).build();
    JsonNode after = null;
    while (true) {
      ObjectNode body = SearchQueries.object();
      body.put("size", 0);
      body.set("query", queries.spanQuery(inWindow));
      ObjectNode composite = body.putObject("aggs").putObject("ids").putObject("composite");
      composite.put("size", SCAN_PAGE);
      composite.putArray("sources").addObject().putObject("traceID").putObject("terms").put("field", "traceID");
      if (after != null) {
        composite.set("after", after);
      }
      JsonNode ids = search(indices, body).path("aggregations").path("ids");
      List<TraceId> page = new ArrayList<>();
      ids.path("buckets").forEach(b -> page.add(TraceId.parse(b.path("key").path("traceID").asText())));
      if (page.isEmpty()) {
        return;
      }
      Map<TraceId, List<Span>> traces = fetch(page, range[0] - HOUR_MILLIS, range[1] + HOUR_MILLIS);
      for (TraceId id : page) {
        List<Span> spans = traces.get(id);
        if (spans != null && !spans.isEmpty()) {
          consumer.accept(Trace.of(spans));
        }
      }
      after = ids.path("after_key");
      if (after.isMissingNode() || page.size() < SCAN_PAGE) {
        return;
      }
    }
  }

  /** Every span of these traces in the span indices of {@code [fromMillis, toMillis]}, by trace. */
  Map<TraceId, List<Span>> fetch(List<TraceId> ids, long fromMillis, long toMillis) {
    Map<TraceId, List<Span>> out = new LinkedHashMap<>();
    String indices = names.readIndices(Kind.SPAN, fromMillis, toMillis);
    for (int i = 0; i < ids.size(); i += 500) {
      List<TraceId> chunk = ids.subList(i, Math.min(ids.size(), i + 500));
      ObjectNode body = SearchQueries.object();
      body.put("size", SCROLL_PAGE);
      body.set("query", SearchQueries.object().set("constant_score",
          SearchQueries.object().set("filter", SearchQueries.traceIds(chunk))));
      body.putArray("sort").add("_doc");
      scroll(indices, body, hit -> {
        Span span = documents.read(hit.path("_source"));
        out.computeIfAbsent(span.traceId(), k -> new ArrayList<>()).add(span);
      });
    }
    return out;
  }

  private void scroll(String indices, ObjectNode body, Consumer<JsonNode> hits) {
    JsonNode page = search(indices, body, "&scroll=1m");
    String scrollId = page.path("_scroll_id").asText(null);
    JsonNode total = page.path("hits").path("total");
    // exact below 10,000 hits (the default track_total_hits): saves the round trip that finds nothing
    long exactTotal = "eq".equals(total.path("relation").asText()) ? total.path("value").asLong(-1) : -1;
    long seen = 0;
    try {
      while (true) {
        JsonNode list = page.path("hits").path("hits");
        if (list.isEmpty()) {
          return;
        }
        list.forEach(hits);
        seen += list.size();
        if (scrollId == null || (exactTotal >= 0 && seen >= exactTotal)) {
          return;
        }
        ObjectNode next = SearchQueries.object().put("scroll", "1m").put("scroll_id", scrollId);
        page = client.request("POST", "/_search/scroll", next);
        scrollId = page.path("_scroll_id").asText(scrollId);
      }
    } finally {
      if (scrollId != null) {
        try {
          ObjectNode clear = SearchQueries.object();
          clear.putArray("scroll_id").add(scrollId);
          client.request("DELETE", "/_search/scroll", clear);
        } catch (RuntimeException ignored) {
          // the scroll expires after a minute anyway
        }
      }
    }
  }

  private JsonNode search(String indices, ObjectNode body) {
    return search(indices, body, "");
  }

  private JsonNode search(String indices, ObjectNode body, String extra) {
    metrics.searches.increment();
    try {
      return client.request("POST", "/" + URLEncoder.encode(indices, StandardCharsets.UTF_8).replace("%2C", ",")
          .replace("%2A", "*") + "/_search?ignore_unavailable=true&allow_no_indices=true" + extra, body);
    } catch (RuntimeException e) {
      metrics.searchFailures.increment();
      throw e;
    }
  }

  /** Epoch millis of a nanosecond range; unbounded ends become the lookback and a day ahead. */
  private long[] millisRange(long startNanos, long endNanos) {
    long now = clock.millis();
    long from = startNanos == Long.MIN_VALUE ? now - config.maxSpanAge().toMillis()
        : Math.floorDiv(startNanos, 1_000_000L);
    long to = endNanos == Long.MAX_VALUE ? now + DAY_MILLIS : Math.floorDiv(endNanos, 1_000_000L);
    return new long[] {from, Math.max(from, to)};
  }
}
