package io.spoor.client;

import java.util.Map;

/**
 * One log record of a span.
 *
 * @param timestampMicros epoch microseconds
 * @param fields the fields, unmodifiable, in the order given; values are strings, booleans, numbers or
 *     anything else (rendered with {@code toString()} by the reporters)
 */
public record SpanLog(long timestampMicros, Map<String, ?> fields) {}
