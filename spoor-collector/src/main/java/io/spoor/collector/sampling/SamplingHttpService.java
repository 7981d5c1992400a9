package io.spoor.collector.sampling;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.QueryParams;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.List;
import java.util.Objects;

/**
 * {@code GET /api/sampling?service=S} on 14268: the service's strategy as proto3 JSON, enum names
 * and default values included, e.g. {@code
 * {"strategyType":"PROBABILISTIC","probabilisticSampling":{"samplingRate":0.001}}}. {@code service}
 * must be given exactly once, else 400.
 */
public final class SamplingHttpService implements HttpService {
  /** Where Jaeger's collector serves it. */
  public static final String PATH = "/api/sampling";

  private static final JsonFormat.Printer JSON =
      JsonFormat.printer().alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();

  private final StrategyStore store;

  public SamplingHttpService(StrategyStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws InvalidProtocolBufferException {
    List<String> services = QueryParams.fromQueryString(ctx.query()).getAll("service");
    if (services.size() != 1) {
      return HttpResponse.of(HttpStatus.BAD_REQUEST, MediaType.PLAIN_TEXT_UTF_8,
          "'service' parameter must be provided once");
    }
    return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, JSON.print(store.strategyFor(services.get(0))));
  }
}
