/**
 * The ingester: {@link io.spoor.ingester.Ingester} consumes Jaeger span messages from Kafka and writes
 * them to any storage backend, at least once.
 */
@NullMarked
package io.spoor.ingester;

import org.jspecify.annotations.NullMarked;
