/**
 * The read path: {@link io.spoor.query.QueryReader} reads through the storage SPI, applies the
 * adjusters once, and evaluates in the query layer what a backend declares it cannot; the HTTP and
 * gRPC APIs only translate parameters and render.
 */
@NullMarked
package io.spoor.query;

import org.jspecify.annotations.NullMarked;
