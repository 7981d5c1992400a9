package io.spoor.query.http;

import io.spoor.model.TraceId;
import io.spoor.storage.TraceQuery;
import java.util.List;

/**
 * A parsed {@code GET /api/traces}: either a list of ids to fetch (when {@code traceID} was given)
 * or a search.
 *
 * @param raw skip the adjusters ({@code raw=true})
 */
record SearchRequest(List<TraceId> traceIds, TraceQuery query, boolean raw) {
  SearchRequest {
    traceIds = List.copyOf(traceIds);
  }

  boolean isLookup() {
    return !traceIds.isEmpty();
  }
}
