package io.spoor.storage.elasticsearch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/** The backend's counters, exported through {@link io.spoor.storage.Storage#metrics()}. */
final class EsMetrics {
  final LongAdder spansWritten = new LongAdder();
  final LongAdder spansTooOld = new LongAdder();
  final LongAdder bulkRequests = new LongAdder();
  final LongAdder bulkFailures = new LongAdder();
  final LongAdder documentsRetried = new LongAdder();
  final LongAdder documentsFailed = new LongAdder();
  final LongAdder serviceDocumentsWritten = new LongAdder();
  final LongAdder writesShed = new LongAdder();
  final LongAdder searches = new LongAdder();
  final LongAdder searchFailures = new LongAdder();
  final LongAdder indicesDeleted = new LongAdder();
  final LongAdder rollovers = new LongAdder();
  final LongAdder lifecycleFailures = new LongAdder();

  Map<String, Double> snapshot(IntSupplier bulksInFlight) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("spoor_storage_es_spans_written_total", spansWritten.doubleValue());
    out.put("spoor_storage_es_spans_too_old_total", spansTooOld.doubleValue());
    out.put("spoor_storage_es_bulk_requests_total", bulkRequests.doubleValue());
    out.put("spoor_storage_es_bulk_failures_total", bulkFailures.doubleValue());
    out.put("spoor_storage_es_documents_retried_total", documentsRetried.doubleValue());
    out.put("spoor_storage_es_documents_failed_total", documentsFailed.doubleValue());
    out.put("spoor_storage_es_service_documents_written_total", serviceDocumentsWritten.doubleValue());
    out.put("spoor_storage_es_writes_shed_total", writesShed.doubleValue());
    out.put("spoor_storage_es_searches_total", searches.doubleValue());
    out.put("spoor_storage_es_search_failures_total", searchFailures.doubleValue());
    out.put("spoor_storage_es_indices_deleted_total", indicesDeleted.doubleValue());
    out.put("spoor_storage_es_rollovers_total", rollovers.doubleValue());
    out.put("spoor_storage_es_lifecycle_failures_total", lifecycleFailures.doubleValue());
    out.put("spoor_storage_es_bulks_in_flight", (double) bulksInFlight.getAsInt());
    return out;
  }
}
