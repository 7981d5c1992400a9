/**
 * The agent: what Jaeger's v1 agent does, next to the application. {@link io.spoor.agent.Agent}
 * receives Thrift {@code emitBatch} datagrams on UDP 6831 (compact) and 6832 (binary), forwards the
 * batches to one or more collectors over gRPC api_v2 {@code PostSpans}, and answers sampling
 * strategies on HTTP 5778 by asking a collector's {@code SamplingManager}.
 *
 * <p>Threading: each UDP endpoint has one reader thread ({@code spoor-agent-udp-<protocol>}) that only
 * copies datagrams into a bounded packet queue, and a fixed pool of workers ({@code
 * spoor-agent-<protocol>-<n>}) that decode them and offer the batches to the reporter's bounded queue.
 * Reporter threads ({@code spoor-agent-reporter-<n>}) send one batch at a time with a deadline and a
 * bounded number of retries. A full queue drops and counts; nothing blocks the reader thread. The
 * HTTP sampling endpoints run on Armeria's event loops and call the collector asynchronously.
 */
@NullMarked
package io.spoor.agent;

import org.jspecify.annotations.NullMarked;
