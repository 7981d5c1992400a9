/**
 * Jaeger's api_v3 over HTTP JSON ({@code /api/v3/*}), the grpc-gateway mapping of {@code
 * jaeger.api_v3.QueryService}: traces as OTLP/JSON {@code TracesData} wrapped in {@code {"result":
 * ...}}, services, operations, dependencies and trace summaries. Parameters are accepted under their
 * current camelCase names and the older snake_case ones. Every refusal is a grpc-gateway error object
 * whose message names the parameter. Storage reads run on Armeria's blocking executor.
 */
@NullMarked
package io.spoor.query.v3;

import org.jspecify.annotations.NullMarked;
