/**
 * The Elasticsearch/OpenSearch backend ({@code SPAN_STORAGE_TYPE=elasticsearch} or {@code opensearch})
 * with Jaeger's index layout. Public: the two factories and {@link
 * io.spoor.storage.elasticsearch.ElasticsearchIndexTools} for the {@code spoor es} commands; the rest is
 * package-private.
 *
 * <p>Threading: the writer is called by the collector's workers, at most {@code --es.bulk.workers} bulk
 * requests in flight (a semaphore), each worker blocking on its own request; readers block the query
 * pool's thread; {@code java.net.http} uses two {@code spoor-es-http-*} threads; the lifecycle runs on
 * {@code spoor-es-lifecycle} when configured.
 */
@NullMarked
package io.spoor.storage.elasticsearch;

import org.jspecify.annotations.NullMarked;
