/**
 * Receivers: each decodes one wire format on the server's event loop and hands the spans to the
 * {@link io.spoor.collector.pipeline.SpanProcessor}. They never block and never store anything
 * themselves. Errors are mapped once here: malformed input 400, unsupported media type 415, body too
 * large 413, full queue 429 with {@code Retry-After}.
 */
@NullMarked
package io.spoor.collector.receiver;

import org.jspecify.annotations.NullMarked;
