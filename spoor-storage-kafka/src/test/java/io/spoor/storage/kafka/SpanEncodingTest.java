package io.spoor.storage.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.util.JsonFormat;
import io.spoor.codec.DecodeException;
import io.spoor.model.Span;
import io.spoor.model.TraceId;
import io.spoor.proto.api_v2.Model;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Jaeger's Kafka message format, checked against the api_v2 classes generated from Jaeger's .proto. */
class SpanEncodingTest {
  private final Span span = TestSpans.trace(TraceId.of(0x1234, 0xabcdef), 2).get(1);

  @Test
  void protobufIsTheApiV2SpanWithItsProcess() throws Exception {
    Model.Span proto = Model.Span.parseFrom(SpanEncoding.PROTOBUF.encode(span));
    assertOracle(proto);
    assertThat(SpanEncoding.PROTOBUF.decode(proto.toByteArray())).isEqualTo(span);
  }

  @Test
  void jsonIsTheProtobufJsonOfTheSameSpan() throws Exception {
    String json = new String(SpanEncoding.JSON.encode(span), StandardCharsets.UTF_8);
    Model.Span.Builder parsed = Model.Span.newBuilder();
    JsonFormat.parser().merge(json, parsed);
    assertOracle(parsed.build());
    // Jaeger's jsonpb names and forms: base64 ids, RFC 3339 time, seconds duration, vType names, no whitespace
    assertThat(json).startsWith("{\"traceId\":\"" + Base64.getEncoder().encodeToString(span.traceId().toBytes()) + "\"")
        .contains("\"spanId\":\"AAAAAAAAAAI=\"", "\"operationName\":\"op-2\"",
            "\"startTime\":\"2023-11-14T22:13:20.123458789Z\"", "\"duration\":\"0.000005002s\"",
            "\"vType\":\"BOOL\"", "\"references\":[{\"traceId\"", "\"process\":{\"serviceName\":\"svc-0\"")
        .doesNotContain("\n", " :", "\"vType\":\"STRING\"");
    assertThat(SpanEncoding.JSON.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(span);
  }

  @Test
  void jsonAcceptsGoDurationsAsJaegersIngesterDoes() {
    String json = new String(SpanEncoding.JSON.encode(span), StandardCharsets.UTF_8)
        .replace("\"duration\":\"0.000005002s\"", "\"duration\" : \"5002ns\"");
    assertThat(SpanEncoding.JSON.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(span);
    assertThat(SpanEncoding.goDurations("{\"duration\":\"1m30.5s\",\"key\":\"duration\"}"))
        .isEqualTo("{\"duration\":\"90.5s\",\"key\":\"duration\"}");
  }

  @Test
  void decodesASpanOfJaegersOwnFixtures() {
    // From Jaeger's storage integration fixtures (jsonpb of model.Span), as its ingester would read it.
    String jaeger = """
        {"traceId":"AAAAAAAAAAAAAAAAAAAAEQ==","spanId":"AAAAAAAAAAM=","operationName":"query12-operation",
         "references":[{"refType":"FOLLOWS_FROM","traceId":"AAAAAAAAAAAAAAAAAAAAEQ==","spanId":"AAAAAAAAAAQ="}],
         "flags":1,"startTime":"2017-01-26T16:46:31.639875Z","duration":"100000ns",
         "tags":[{"key":"sameplacetag1","vStr":"sameplacevalue"},{"key":"sameplacetag2","vType":"INT64","vInt64":"123"}],
         "process":{"serviceName":"query12-service","tags":[{"key":"h","vType":"BOOL","vBool":true}]},
         "logs":[{"timestamp":"2017-01-26T16:46:31.639875Z","fields":[{"key":"x","vType":"FLOAT64","vFloat64":72.5}]}]}
        """;
    Span s = SpanEncoding.JSON.decode(jaeger.getBytes(StandardCharsets.UTF_8));
    assertThat(s.traceId()).isEqualTo(TraceId.of(0, 0x11));
    assertThat(s.spanId().toHex()).isEqualTo("0000000000000003");
    assertThat(s.durationNanos()).isEqualTo(100_000L);
    assertThat(s.startTimeNanos()).isEqualTo(1_485_449_191_639_875_000L);
    assertThat(s.process().serviceName()).isEqualTo("query12-service");
    assertThat(s.tags()).hasSize(2);
    assertThat(s.logs().get(0).fields().get(0).key()).isEqualTo("x");
    assertThat(SpanEncoding.key(s)).isEqualTo("0000000000000011");
  }

  @Test
  void keyIsJaegersTraceIdString() {
    assertThat(SpanEncoding.key(span)).isEqualTo("000000000000123400000000" + "00abcdef");
    Span short64 = TestSpans.trace(TraceId.of(0, 0xabc), 1).get(0);
    assertThat(SpanEncoding.key(short64)).isEqualTo("0000000000000abc");
  }

  @Test
  void malformedValuesAreDecodeErrors() {
    assertThatThrownBy(() -> SpanEncoding.PROTOBUF.decode(new byte[] {(byte) 0xff, 1, 2}))
        .isInstanceOf(DecodeException.class).hasMessageContaining("Jaeger proto api_v2 span");
    assertThatThrownBy(() -> SpanEncoding.JSON.decode("{not json".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DecodeException.class).hasMessageContaining("span JSON");
    assertThatThrownBy(() -> SpanEncoding.JSON.decode(null)).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> SpanEncoding.parse("kafka.producer.encoding", "avro"))
        .hasMessage("--kafka.producer.encoding: \"avro\" (expected: one of protobuf, json)");
  }

  private void assertOracle(Model.Span proto) {
    assertThat(proto.getTraceId().toByteArray()).isEqualTo(span.traceId().toBytes());
    assertThat(proto.getSpanId().toByteArray()).hasSize(8);
    assertThat(proto.getOperationName()).isEqualTo("op-2");
    assertThat(proto.getFlags()).isEqualTo(1);
    assertThat(proto.getStartTime().getSeconds() * 1_000_000_000L + proto.getStartTime().getNanos())
        .isEqualTo(span.startTimeNanos());
    assertThat(proto.getDuration().getNanos()).isEqualTo(5_002);
    assertThat(proto.getProcess().getServiceName()).isEqualTo("svc-0");
    assertThat(proto.getProcess().getTagsCount()).isEqualTo(2);
    assertThat(proto.getTagsList()).extracting(Model.KeyValue::getKey).containsExactly("s", "b", "i", "f", "bin");
    assertThat(proto.getTags(2).getVType()).isEqualTo(Model.ValueType.INT64);
    assertThat(proto.getTags(2).getVInt64()).isEqualTo(2);
    assertThat(proto.getReferencesCount()).isEqualTo(1);
    assertThat(proto.getReferences(0).getRefType()).isEqualTo(Model.SpanRefType.CHILD_OF);
    assertThat(proto.getLogsCount()).isEqualTo(1);
  }
}
