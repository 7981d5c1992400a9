/**
 * Reporters: {@link io.spoor.client.reporter.RemoteReporter} (a bounded queue drained by one thread into a
 * {@link io.spoor.client.reporter.Sender}), the senders {@link io.spoor.client.reporter.UdpSender} (Thrift
 * compact {@code emitBatch} datagrams to the agent) and {@link io.spoor.client.reporter.HttpSender} (Thrift
 * binary batches to the collector's {@code /api/traces}), and the test reporters {@link
 * io.spoor.client.reporter.InMemoryReporter} and {@link io.spoor.client.reporter.LoggingReporter}.
 *
 * <p>The Thrift encoding is written here by hand ({@code ThriftOutput}, {@code JaegerThriftEncoder}) so that
 * the client has no Thrift runtime dependency. Each span is encoded once, on the reporter thread, into its
 * own bytes; a batch is the process, a list header and those bytes, so its exact size is known before it is
 * sent and UDP batches are split to fit a datagram.
 *
 * <p>Threading: application threads only call {@link io.spoor.client.reporter.Reporter#report}, which offers
 * to a bounded queue and never blocks. Senders are used by the single {@code spoor-client-reporter} thread
 * only, and are not thread-safe.
 */
@NullMarked
package io.spoor.client.reporter;

import org.jspecify.annotations.NullMarked;
