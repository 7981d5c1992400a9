/**
 * Jaeger's gRPC query services on Armeria: {@code jaeger.api_v2.QueryService} (Jaeger model spans in
 * chunks) and {@code jaeger.api_v3.QueryService} (OTLP {@code TracesData}), with server reflection and
 * unframed (plain HTTP) requests for the unary methods. Methods run on Armeria's blocking executor;
 * errors are mapped to gRPC status codes once, in {@code QueryErrorMapping}.
 */
@NullMarked
package io.spoor.query.grpc;

import org.jspecify.annotations.NullMarked;
