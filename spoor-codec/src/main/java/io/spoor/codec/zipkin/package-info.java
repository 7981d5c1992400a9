/**
 * Zipkin spans (v1 JSON, v1 Thrift, v2 JSON, proto3) to Spoor's model and back. The bytes are decoded
 * by the {@code io.zipkin.zipkin2} library; this package maps {@code zipkin2.Span} to the model as
 * Jaeger's Zipkin receiver does. The rules and the tests that pin them are in
 * {@code docs/mapping/zipkin.md}.
 *
 * <p>Entry point: {@link io.spoor.codec.zipkin.ZipkinCodec}. Everything here is stateless and
 * thread-safe.
 */
@NullMarked
package io.spoor.codec.zipkin;

import org.jspecify.annotations.NullMarked;
