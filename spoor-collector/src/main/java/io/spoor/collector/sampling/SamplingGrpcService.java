package io.spoor.collector.sampling;

import io.grpc.stub.StreamObserver;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyParameters;
import io.spoor.proto.api_v2.Sampling.SamplingStrategyResponse;
import io.spoor.proto.api_v2.SamplingManagerGrpc;
import java.util.Objects;

/** {@code jaeger.api_v2.SamplingManager/GetSamplingStrategy}, what agents and SDKs poll on 14250. */
public final class SamplingGrpcService extends SamplingManagerGrpc.SamplingManagerImplBase {
  private final StrategyStore store;

  public SamplingGrpcService(StrategyStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public void getSamplingStrategy(
      SamplingStrategyParameters request, StreamObserver<SamplingStrategyResponse> response) {
    response.onNext(store.strategyFor(request.getServiceName()));
    response.onCompleted();
  }
}
