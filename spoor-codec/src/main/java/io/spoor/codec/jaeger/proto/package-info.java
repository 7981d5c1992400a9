/**
 * Jaeger's protobuf model ({@code jaeger.api_v2}, the classes generated in {@code spoor-proto}) to and
 * from Spoor's model: what the collector's gRPC {@code CollectorService.PostSpans} receives, what the
 * gRPC {@code QueryService} returns, and the Kafka message format (one {@code Span} with its process).
 *
 * <p>{@link io.spoor.codec.jaeger.proto.JaegerProtoCodec} is the entry point. Everything here is
 * stateless and thread-safe.
 */
@NullMarked
package io.spoor.codec.jaeger.proto;

import org.jspecify.annotations.NullMarked;
