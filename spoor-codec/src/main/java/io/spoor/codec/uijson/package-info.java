/**
 * The JSON the Jaeger query service answers to the web UI and to Grafana ({@code GET /api/traces},
 * {@code /api/traces/{id}}, {@code POST /api/transform}): one trace is {@code {"traceID", "spans",
 * "processes", "warnings"}} with ids in lower-case hex, times and durations in microseconds and each
 * distinct process under an id {@code p1..pN}; a response wraps such values in the envelope {@code
 * {"data", "total", "limit", "offset", "errors"}}.
 *
 * <p>{@link io.spoor.codec.uijson.UiTraceWriter} renders a trace, {@link
 * io.spoor.codec.uijson.UiTraceReader} reads one back, {@link io.spoor.codec.uijson.UiEnvelope}
 * writes the envelope and {@link io.spoor.codec.uijson.UiJson} makes generators that escape and
 * indent the way Go's {@code encoding/json} does. Every rule and the test that pins it is listed in
 * {@code docs/mapping/ui-json.md}.
 *
 * <p>Threading: everything here is stateless and thread-safe; a {@code JsonGenerator} or {@code
 * JsonParser} handed in belongs to one thread, as Jackson requires.
 */
@NullMarked
package io.spoor.codec.uijson;

import org.jspecify.annotations.NullMarked;
