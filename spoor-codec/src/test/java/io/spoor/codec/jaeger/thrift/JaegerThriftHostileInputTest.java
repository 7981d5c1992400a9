package io.spoor.codec.jaeger.thrift;

import static io.spoor.codec.jaeger.thrift.JaegerThriftCodecTest.factory;
import static io.spoor.codec.jaeger.thrift.JaegerThriftCodecTest.richBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.codec.DecodeException;
import io.spoor.model.KeyValue;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.thrift.TException;
import org.apache.thrift.TSerializer;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Malformed and hostile bytes end in a {@link DecodeException} that says where, never worse. */
class JaegerThriftHostileInputTest {
  private static final TStruct S = new TStruct("");

  private final JaegerThriftCodec codec = new JaegerThriftCodec();

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void truncatedBatchNamesTheElement(ThriftProtocol protocol) throws Exception {
    byte[] bytes = new TSerializer(factory(protocol)).serialize(richBatch());
    byte[] truncated = Arrays.copyOf(bytes, bytes.length - 40);

    assertThatThrownBy(() -> codec.decodeBatch(truncated, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Jaeger Thrift (" + protocol.label() + ") batch: spans[");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void everyPrefixOfAValidBatchFailsCleanly(ThriftProtocol protocol) throws Exception {
    byte[] bytes = new TSerializer(factory(protocol)).serialize(richBatch());
    for (int length = 0; length < bytes.length; length++) {
      byte[] prefix = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> codec.decodeBatch(prefix, protocol))
          .as("prefix of %d bytes", length)
          .isInstanceOf(DecodeException.class);
    }
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void hugeListHeaderIsRefusedBeforeAllocating(ThriftProtocol protocol) throws Exception {
    byte[] bytes = write(protocol, out -> {
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
      out.writeListBegin(new TList(TType.STRUCT, 2_000_000_000));
    });

    assertThatThrownBy(() -> codec.decodeBatch(bytes, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Jaeger Thrift (" + protocol.label() + ") batch: spans: ");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void hugeStringHeaderIsRefusedBeforeAllocating(ThriftProtocol protocol) throws Exception {
    byte[] bytes = write(protocol, out -> {
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("process", TType.STRUCT, (short) 1));
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("serviceName", TType.STRING, (short) 1));
      out.writeString("x".repeat(2000));
    });

    JaegerThriftCodec strict = new JaegerThriftCodec(1 << 20, 1000, 1000);

    assertThatThrownBy(() -> strict.decodeBatch(bytes, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith(
            "Jaeger Thrift (" + protocol.label() + ") batch: process.serviceName: ");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void listLongerThanTheLimitIsRefused(ThriftProtocol protocol) throws Exception {
    JaegerThriftCodec strict = new JaegerThriftCodec(1 << 20, 1000, 2);
    byte[] bytes = new TSerializer(factory(protocol)).serialize(richBatch()); // 3 spans

    assertThatThrownBy(() -> strict.decodeBatch(bytes, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("batch: process.tags: "); // 5 process tags come first
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void inputLargerThanTheLimitIsRefused(ThriftProtocol protocol) {
    JaegerThriftCodec strict = new JaegerThriftCodec(10, 10, 10);

    assertThatThrownBy(() -> strict.decodeBatch(new byte[11], protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessage("Jaeger Thrift (" + protocol.label() + ") batch: 11 bytes (expected: at most 10)");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void deeplyNestedUnknownFieldIsRefusedWithoutStackOverflow(ThriftProtocol protocol)
      throws Exception {
    byte[] bytes = write(protocol, out -> {
      for (int i = 0; i < 10_000; i++) {
        out.writeStructBegin(S);
        out.writeFieldBegin(new TField("unknown", TType.STRUCT, (short) 99));
      }
    });

    assertThatThrownBy(() -> codec.decodeBatch(bytes, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("Jaeger Thrift (" + protocol.label() + ") batch: ");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void missingRequiredFieldIsNamed(ThriftProtocol protocol) throws Exception {
    byte[] bytes = write(protocol, out -> {
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("process", TType.STRUCT, (short) 1));
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("serviceName", TType.STRING, (short) 1));
      out.writeString("svc");
      out.writeFieldEnd();
      out.writeFieldBegin(new TField("tags", TType.LIST, (short) 2));
      out.writeListBegin(new TList(TType.STRUCT, 1));
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("vType", TType.I32, (short) 2));
      out.writeI32(0);
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      out.writeListEnd();
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      out.writeFieldEnd();
      out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
      out.writeListBegin(new TList(TType.STRUCT, 0));
      out.writeListEnd();
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
    });

    assertThatThrownBy(() -> codec.decodeBatch(bytes, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessage("Jaeger Thrift (" + protocol.label()
            + ") batch: process.tags[0].key: missing (required field 1)");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void missingProcessIsNamed(ThriftProtocol protocol) throws Exception {
    byte[] bytes = write(protocol, out -> {
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("seqNo", TType.I64, (short) 3));
      out.writeI64(1);
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
    });

    assertThatThrownBy(() -> codec.decodeBatch(bytes, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessage("Jaeger Thrift (" + protocol.label()
            + ") batch: process: missing (required field 1)");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void listOfWrongElementTypeIsRefused(ThriftProtocol protocol) throws Exception {
    byte[] bytes = write(protocol, out -> {
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
      out.writeListBegin(new TList(TType.I32, 1));
      out.writeI32(5);
    });

    assertThatThrownBy(() -> codec.decodeBatch(bytes, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessage("Jaeger Thrift (" + protocol.label()
            + ") batch: spans: list element type 8 (expected: 12, struct)");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void otherMethodsAndMessageTypesAreRefused(ThriftProtocol protocol) throws Exception {
    byte[] other = write(protocol, out -> out.writeMessageBegin(
        new TMessage("submitBatches", TMessageType.CALL, 1)));
    byte[] reply = write(protocol, out -> out.writeMessageBegin(
        new TMessage("emitBatch", TMessageType.REPLY, 1)));

    assertThatThrownBy(() -> codec.decodeAgentMessage(other, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageEndingWith("agent message: method \"submitBatches\" (expected: emitBatch)");
    assertThatThrownBy(() -> codec.decodeAgentMessage(reply, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageEndingWith("agent message: message type 2 (expected: 4 ONEWAY or 1 CALL)");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void agentMessageWithoutBatchIsRefused(ThriftProtocol protocol) throws Exception {
    byte[] bytes = write(protocol, out -> {
      out.writeMessageBegin(new TMessage("emitBatch", TMessageType.ONEWAY, 1));
      out.writeStructBegin(S);
      out.writeFieldStop();
      out.writeStructEnd();
      out.writeMessageEnd();
    });

    assertThatThrownBy(() -> codec.decodeAgentMessage(bytes, protocol))
        .isInstanceOf(DecodeException.class)
        .hasMessageEndingWith("agent message: emitBatch.batch: missing (required field 1)");
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void randomBytesNeverThrowAnythingButDecodeException(ThriftProtocol protocol) throws Exception {
    byte[] valid = new TSerializer(factory(protocol)).serialize(richBatch());
    Random random = new Random(20261125L);
    for (int i = 0; i < 2000; i++) {
      byte[] input = valid.clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        input[random.nextInt(input.length)] = (byte) random.nextInt(256);
      }
      try {
        assertThat(codec.decodeBatch(input, protocol)).isNotNull();
      } catch (DecodeException expected) {
        assertThat(expected.getMessage()).startsWith("Jaeger Thrift (" + protocol.label() + ")");
      }
    }
  }

  @Test
  void limitsMustBePositive() {
    assertThatThrownBy(() -> new JaegerThriftCodec(0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxMessageBytes: 0 (expected: > 0)");
  }

  @Test
  void unknownFieldsAreSkipped() throws Exception {
    byte[] bytes = write(ThriftProtocol.COMPACT, out -> {
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("process", TType.STRUCT, (short) 1));
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("serviceName", TType.STRING, (short) 1));
      out.writeString("svc");
      out.writeFieldEnd();
      out.writeFieldBegin(new TField("future", TType.LIST, (short) 9));
      out.writeListBegin(new TList(TType.STRING, 2));
      out.writeString("a");
      out.writeString("b");
      out.writeListEnd();
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      out.writeFieldEnd();
      out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
      out.writeListBegin(new TList(TType.STRUCT, 0));
      out.writeListEnd();
      out.writeFieldEnd();
      // seqNo (3) and ClientStats (4) are not in jaeger-thrift 1.8.1; both are skipped.
      out.writeFieldBegin(new TField("seqNo", TType.I64, (short) 3));
      out.writeI64(42);
      out.writeFieldEnd();
      out.writeFieldBegin(new TField("stats", TType.STRUCT, (short) 4));
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("fullQueueDroppedSpans", TType.I64, (short) 1));
      out.writeI64(3);
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      out.writeFieldEnd();
      // A known id with the wrong wire type is skipped too, as generated readers do.
      out.writeFieldBegin(new TField("spans", TType.I32, (short) 2));
      out.writeI32(1);
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
    });

    assertThat(codec.decodeBatch(bytes, ThriftProtocol.COMPACT)).isEqualTo(List.of());
  }

  @ParameterizedTest
  @EnumSource(ThriftProtocol.class)
  void absentTagValueIsTheZeroValueOfItsType(ThriftProtocol protocol) throws Exception {
    byte[] bytes = write(protocol, out -> {
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("process", TType.STRUCT, (short) 1));
      out.writeStructBegin(S);
      out.writeFieldBegin(new TField("serviceName", TType.STRING, (short) 1));
      out.writeString("svc");
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      out.writeFieldEnd();
      out.writeFieldBegin(new TField("spans", TType.LIST, (short) 2));
      out.writeListBegin(new TList(TType.STRUCT, 1));
      out.writeStructBegin(S);
      for (short id = 1; id <= 9; id++) {
        if (id == 5) {
          out.writeFieldBegin(new TField("operationName", TType.STRING, id));
          out.writeString("op");
        } else if (id == 6) {
          continue;
        } else if (id == 7) {
          out.writeFieldBegin(new TField("flags", TType.I32, id));
          out.writeI32(1);
        } else {
          out.writeFieldBegin(new TField("i64", TType.I64, id));
          out.writeI64(id == 4 ? 0 : id);
        }
        out.writeFieldEnd();
      }
      out.writeFieldBegin(new TField("tags", TType.LIST, (short) 10));
      out.writeListBegin(new TList(TType.STRUCT, 5));
      for (int type = 0; type < 5; type++) {
        out.writeStructBegin(S);
        out.writeFieldBegin(new TField("key", TType.STRING, (short) 1));
        out.writeString("k" + type);
        out.writeFieldEnd();
        out.writeFieldBegin(new TField("vType", TType.I32, (short) 2));
        out.writeI32(type);
        out.writeFieldEnd();
        out.writeFieldStop();
        out.writeStructEnd();
      }
      out.writeListEnd();
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      out.writeListEnd();
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
    });

    List<io.spoor.model.Span> spans = codec.decodeBatch(bytes, protocol);

    assertThat(spans).hasSize(1);
    assertThat(spans.get(0).tags()).containsExactly(
        KeyValue.of("k0", ""), KeyValue.of("k1", 0.0), KeyValue.of("k2", false),
        KeyValue.of("k3", 0L), KeyValue.ofBinary("k4", new byte[0]));
    assertThat(spans.get(0).startTimeNanos()).isEqualTo(8000);
  }

  interface Writes {
    void to(TProtocol out) throws TException;
  }

  private static byte[] write(ThriftProtocol protocol, Writes writes) throws TException {
    TMemoryBuffer buffer = new TMemoryBuffer(1024);
    writes.to(factory(protocol).getProtocol(buffer));
    return Arrays.copyOf(buffer.getArray(), buffer.length());
  }
}
