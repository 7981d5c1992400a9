package io.spoor.storage;

/**
 * Something a backend may or may not be able to do. The TCK skips what a backend lacks, naming the
 * capability; the query service answers a clear error instead of a wrong result.
 */
public enum Capability {
  /** {@link TraceQuery#serviceName()} may be null (search every service). */
  SEARCH_WITHOUT_SERVICE,
  /** Tag filters and a duration range in the same query. */
  TAGS_WITH_DURATION,
  /** {@link TagFilter.Operator} other than {@code EQUALS} evaluated by the backend itself. */
  EXTENDED_TAG_OPERATORS,
  /** Operations are stored with their span kind. */
  OPERATIONS_WITH_SPAN_KIND,
  /** Dependencies are computed from stored spans, without a batch job. */
  DEPENDENCIES_FROM_SPANS
}
