package io.spoor.collector.pipeline;

import java.util.concurrent.CompletableFuture;

/** A queued batch and the future its receiver answers the client from, completed once it is stored. */
record PendingBatch(SpanBatch batch, CompletableFuture<Void> stored) {}
