/**
 * The Cassandra backend with Jaeger's schema v004: {@link io.spoor.storage.cassandra.CassandraStorageFactory}.
 */
@NullMarked
package io.spoor.storage.cassandra;

import org.jspecify.annotations.NullMarked;
