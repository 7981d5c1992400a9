package io.spoor.storage.elasticsearch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.spoor.model.Span;
import io.spoor.storage.SpanWriter;
import io.spoor.storage.StorageException;
import io.spoor.storage.elasticsearch.IndexNames.Kind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Writes spans with {@code _bulk}: one span document per span into the day index of its start (or the
 * write alias), plus one service document per new (service, operation) pair of that index, whose id is
 * Jaeger's FNV-64a hash of the pair so that rewrites overwrite. Pairs already written are remembered
 * (per index, at most 100,000, for 12 hours) and skipped.
 *
 * <p>Bulks are split by {@code --es.bulk.actions} and {@code --es.bulk.size}; at most {@code
 * --es.bulk.workers} are in flight over all callers, a further caller waits up to {@code --es.bulk.max-wait}
 * and then fails (the collector counts it and answers 503). Items the cluster rejects with 429 (its
 * write queue is full) are sent again, alone, with backoff; any other item error fails the call after
 * the rest was written. {@link #write} returns once every document is indexed (visible to searches
 * after the index refresh, one second by default). With {@code --es.retention} on daily indices, spans
 * whose day is already past the retention are not written (counted as too old): the lifecycle would
 * delete their index again.
 */
final class EsSpanWriter implements SpanWriter {
  private static final int MAX_ATTEMPTS = 6;
  private static final int SERVICE_CACHE_SIZE = 100_000;
  /**
   * Service documents are written again after this long, as Jaeger's cache does (12 hours): in alias
   * mode the write index changes under the same alias, and old indices get deleted.
   */
  private static final long SERVICE_CACHE_TTL_MILLIS = 12 * 3_600_000L;

  private final EsClient client;
  private final IndexNames names;
  private final SpanDocuments documents;
  private final EsConfig config;
  private final EsMetrics metrics;
  private final Semaphore inFlight;
  private final java.time.Clock clock;
  /** Service-document keys and when they were written; an entry counts for {@link #SERVICE_CACHE_TTL_MILLIS}. */
  private final Map<String, Long> writtenServices = Collections.synchronizedMap(
      new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
          return size() > SERVICE_CACHE_SIZE;
        }
      });

  EsSpanWriter(EsClient client, IndexNames names, SpanDocuments documents, EsConfig config, EsMetrics metrics,
      java.time.Clock clock) {
    this.clock = clock;
    this.client = client;
    this.names = names;
    this.documents = documents;
    this.config = config;
    this.metrics = metrics;
    this.inFlight = new Semaphore(config.bulkWorkers(), true);
  }

  /** One bulk item: action line and document line, with the service-cache key it fulfils. */
  private record Item(String lines, String serviceKey) {}

  @Override
  public void write(List<Span> spans) {
    if (spans.isEmpty()) {
      return;
    }
    List<Item> items = new ArrayList<>(spans.size() + 4);
    Set<String> batchServices = new java.util.HashSet<>();
    long oldestDay = oldestKeptDayMillis();
    int tooOld = 0;
    for (Span span : spans) {
      long startMillis = Math.floorDiv(span.startTimeMicros(), 1000);
      if (startMillis < oldestDay) {
        tooOld++; // its day index is past the retention: the lifecycle would delete it again
        continue;
      }
      items.add(new Item(action(names.writeIndex(Kind.SPAN, startMillis), null) + document(span), null));
      String serviceIndex = names.writeIndex(Kind.SERVICE, startMillis);
      String id = serviceId(span.serviceName(), span.operationName());
      String key = serviceIndex + "|" + id;
      if (!isCached(key) && batchServices.add(key)) {
        items.add(new Item(action(serviceIndex, id) + serviceDocument(span), key));
      }
    }
    List<String> failures = new ArrayList<>();
    int start = 0;
    while (start < items.size()) {
      int end = start;
      long bytes = 0;
      while (end < items.size() && end - start < config.bulkActions()
          && (end == start || bytes + items.get(end).lines.length() <= config.bulkBytes())) {
        bytes += items.get(end).lines.length();
        end++;
      }
      send(items.subList(start, end), failures);
      start = end;
    }
    metrics.spansWritten.add(spans.size() - tooOld);
    metrics.spansTooOld.add(tooOld);
    if (!failures.isEmpty()) {
      metrics.documentsFailed.add(failures.size());
      throw new StorageException(failures.size() + " of " + items.size() + " documents were rejected; first: "
          + failures.get(0));
    }
  }

  private void send(List<Item> chunk, List<String> failures) {
    acquire();
    try {
      List<Item> pending = chunk;
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        List<Item> retry = new ArrayList<>();
        JsonNode answer;
        try {
          StringBuilder body = new StringBuilder();
          pending.forEach(i -> body.append(i.lines));
          metrics.bulkRequests.increment();
          answer = client.bulk(body.toString());
        } catch (EsResponseException e) {
          if ((e.status() == 429 || e.status() == 503) && attempt < MAX_ATTEMPTS) {
            metrics.documentsRetried.add(pending.size());
            backoff(attempt);
            continue;
          }
          metrics.bulkFailures.increment();
          throw e;
        } catch (StorageException e) {
          metrics.bulkFailures.increment();
          throw e;
        }
        JsonNode results = answer.path("items");
        for (int i = 0; i < pending.size(); i++) {
          JsonNode result = results.path(i).elements().hasNext() ? results.path(i).elements().next() : null;
          int status = result == null ? 500 : result.path("status").asInt(500);
          Item item = pending.get(i);
          if (status < 300) {
            if (item.serviceKey != null) {
              writtenServices.put(item.serviceKey, clock.millis());
              metrics.serviceDocumentsWritten.increment();
            }
          } else if (status == 429 && attempt < MAX_ATTEMPTS) {
            retry.add(item);
          } else if (item.serviceKey == null || status != 409) {
            JsonNode error = result == null ? null : result.path("error");
            failures.add(error == null ? "no result for item " + i
                : "HTTP " + status + " " + error.path("type").asText() + ": " + error.path("reason").asText());
          }
        }
        if (!retry.isEmpty()) {
          metrics.documentsRetried.add(retry.size());
          backoff(attempt);
        }
        pending = retry;
      }
    } finally {
      inFlight.release();
    }
  }

  private void acquire() {
    try {
      if (!inFlight.tryAcquire(config.bulkMaxWait().toMillis(), TimeUnit.MILLISECONDS)) {
        metrics.writesShed.increment();
        throw new StorageException("overloaded: " + config.bulkWorkers() + " bulk requests (--es.bulk.workers) "
            + "were in flight for longer than --es.bulk.max-wait " + config.bulkMaxWait().toMillis() + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while waiting to write", e);
    }
  }

  private static void backoff(int attempt) {
    try {
      Thread.sleep(Math.min(2_000L, 50L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while retrying rejected documents", e);
    }
  }

  private boolean isCached(String key) {
    Long writtenAt = writtenServices.get(key);
    return writtenAt != null && clock.millis() - writtenAt < SERVICE_CACHE_TTL_MILLIS;
  }

  /** Forgets the written service documents (after a rollover: the write alias has a new index). */
  void forgetServices() {
    writtenServices.clear();
  }

  /** With a retention on daily indices: the start of the oldest day still kept; else no limit. */
  private long oldestKeptDayMillis() {
    if (config.retention().isZero() || config.useAliases()) {
      return Long.MIN_VALUE;
    }
    long cutoff = clock.millis() - config.retention().toMillis();
    return Math.floorDiv(cutoff, 86_400_000L) * 86_400_000L + 86_400_000L;
  }

  int inFlight() {
    return config.bulkWorkers() - inFlight.availablePermits();
  }

  private String document(Span span) {
    StringWriter out = new StringWriter(512);
    try (JsonGenerator g = EsClient.JSON.getFactory().createGenerator(out)) {
      documents.write(span, g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  private static String serviceDocument(Span span) {
    return EsClient.JSON.createObjectNode()
        .put("serviceName", span.serviceName())
        .put("operationName", span.operationName()) + "\n";
  }

  private static String action(String index, String id) {
    var meta = EsClient.JSON.createObjectNode();
    var target = meta.putObject("index").put("_index", index);
    if (id != null) {
      target.put("_id", id);
    }
    return meta + "\n";
  }

  /** Jaeger's id of a service document: FNV-64a of service then operation name, in hex. */
  static String serviceId(String service, String operation) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : (service + operation).getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return Long.toHexString(hash);
  }
}
