/**
 * The embedded RocksDB backend, {@link io.spoor.storage.rocksdb.RocksDbStorageFactory} ({@code
 * rocksdb}). Everything else is package-private.
 *
 * <p>Layout: the database is cut into time buckets, one column family each ({@code
 * BucketedDatabase}); a bucket takes every write made during its time. Inside a bucket, {@code Keys}
 * describes the key families: spans keyed by trace (a trace is one range scan per bucket), index
 * entries ordered newest first for service, operation, tag, duration and time, and small keys for
 * service and operation names. Retention ({@code Retention}) drops whole buckets by age and by disk
 * use; nothing live is rewritten.
 *
 * <p>Threading: writers, readers and the dependency store are called from any thread; they hold the
 * database's read lock for one operation. The one retention thread ({@code
 * spoor-rocksdb-retention-1}) takes the write lock to create and drop buckets. RocksDB itself runs
 * its flush and compaction threads (two background jobs).
 */
@NullMarked
package io.spoor.storage.rocksdb;

import org.jspecify.annotations.NullMarked;
