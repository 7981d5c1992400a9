/**
 * The storage SPI. A backend is one {@link io.spoor.storage.StorageFactory}, registered in
 * {@code META-INF/services/io.spoor.storage.StorageFactory} and chosen by name
 * ({@code SPAN_STORAGE_TYPE} / {@code --span-storage.type}). The factory creates a {@link
 * io.spoor.storage.Storage} from its own options; the storage hands out a {@link
 * io.spoor.storage.SpanWriter}, a {@link io.spoor.storage.SpanReader} and a {@link
 * io.spoor.storage.DependencyStore}. What a backend cannot do it declares in {@link
 * io.spoor.storage.Capability}; callers check capabilities instead of the backend's class.
 *
 * <p>Threading: writers and readers are called from many threads at once and must be thread-safe.
 * Errors: {@link io.spoor.storage.StorageException} for a backend failure, {@link
 * io.spoor.storage.UnsupportedQueryException} for a query the backend cannot answer, {@link
 * IllegalArgumentException} for a malformed query.
 */
@NullMarked
package io.spoor.storage;

import org.jspecify.annotations.NullMarked;
