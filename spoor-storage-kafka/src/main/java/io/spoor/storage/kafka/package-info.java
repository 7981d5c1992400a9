/**
 * The write-only {@code kafka} storage backend and Jaeger's Kafka span message format
 * ({@link io.spoor.storage.kafka.SpanEncoding}), which the ingester reads.
 */
@NullMarked
package io.spoor.storage.kafka;

import org.jspecify.annotations.NullMarked;
