/**
 * The Jaeger-compatible HTTP JSON API ({@code /api/*}) that the Jaeger UI and Grafana's Jaeger data
 * source read. Parameter parsing is strict and every refusal is a 400 whose message names the
 * parameter, in Jaeger's words where Jaeger has them.
 */
@NullMarked
package io.spoor.query.http;

import org.jspecify.annotations.NullMarked;
