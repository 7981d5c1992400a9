/**
 * Jaeger's Thrift formats ({@code jaeger.thrift}, {@code agent.thrift}) to and from Spoor's model,
 * read and written by hand over libthrift's {@code TProtocol}, with no generated classes.
 *
 * <p>{@link io.spoor.codec.jaeger.thrift.JaegerThriftCodec} is the entry point: plain {@code Batch}
 * structs (HTTP {@code POST /api/traces}, binary protocol) and agent {@code emitBatch} messages (one
 * per UDP datagram, compact on 6831 or binary on 6832). The codec is stateless and thread-safe; the
 * package-private readers and writers it creates are single-use and confined to one call.
 */
@NullMarked
package io.spoor.codec.jaeger.thrift;

import org.jspecify.annotations.NullMarked;
