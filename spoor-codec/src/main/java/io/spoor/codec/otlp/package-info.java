/**
 * OTLP traces (protobuf and the OTLP/HTTP JSON encoding) to Spoor's model and back, following the
 * rules of Jaeger's own OTLP translator (OpenTelemetry collector-contrib {@code pkg/translator/jaeger}).
 * The mapping is written down, rule by rule with the test that pins it, in {@code docs/mapping/otlp.md}.
 *
 * <p>Entry point: {@link io.spoor.codec.otlp.OtlpCodec}. Everything here is stateless and thread-safe.
 */
@NullMarked
package io.spoor.codec.otlp;

import org.jspecify.annotations.NullMarked;
