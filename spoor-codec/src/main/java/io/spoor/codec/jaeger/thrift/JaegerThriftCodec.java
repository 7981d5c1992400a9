package io.spoor.codec.jaeger.thrift;

import io.spoor.codec.DecodeException;
import io.spoor.model.Process;
import io.spoor.model.Span;
import java.util.List;
import java.util.Objects;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TField;
import org.apache.thrift.protocol.TMessage;
import org.apache.thrift.protocol.TMessageType;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TStruct;
import org.apache.thrift.protocol.TType;
import org.apache.thrift.transport.TMemoryBuffer;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.jspecify.annotations.Nullable;

/**
 * Jaeger Thrift ({@code jaeger.thrift} {@code Batch}, {@code agent.thrift} {@code emitBatch}) to and
 * from Spoor's model.
 *
 * <p>Decoding gives every span the batch's {@code process}, turns a non-zero {@code parentSpanId}
 * into a leading {@code CHILD_OF} reference unless a reference to that span in the same trace exists
 * (as Jaeger's thrift converter does), converts microseconds to nanoseconds, maps the Thrift tag types
 * (STRING, DOUBLE, BOOL, LONG, BINARY) to the model's, skips unknown fields, and ignores {@code seqNo}
 * and client {@code stats}. Encoding writes the parent as {@link Span#parentSpanId()} plus every
 * reference, and truncates times to whole microseconds.
 *
 * <p>Hostile input is bounded: the whole input, each string or binary, each list and the nesting of
 * skipped unknown fields have limits checked before allocation. Any malformed input raises {@link
 * DecodeException} naming the protocol and the element where reading failed, e.g. {@code "Jaeger
 * Thrift (compact) batch: spans[2].tags[0].key: missing (required field 1)"}.
 *
 * <p>Instances are immutable and thread-safe; share one.
 */
public final class JaegerThriftCodec {
  /** Default limit on the whole input: 16 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
  /** Default limit on one string or binary value: 1 MiB. */
  public static final int DEFAULT_MAX_STRING_BYTES = 1024 * 1024;
  /** Default limit on the elements of one list (spans, tags, logs, references): 1,000,000. */
  public static final int DEFAULT_MAX_CONTAINER_SIZE = 1_000_000;

  /** The agent's method for Jaeger batches, in {@code agent.thrift}. */
  public static final String EMIT_BATCH = "emitBatch";

  private static final String EMIT_ZIPKIN_BATCH = "emitZipkinBatch";
  private static final TStruct EMIT_BATCH_ARGS = new TStruct("emitBatch_args");
  private static final TField EMIT_BATCH_ARG = new TField("batch", TType.STRUCT, (short) 1);

  private final int maxMessageBytes;
  private final int maxStringBytes;
  private final int maxContainerSize;

  /** A codec with the default limits. */
  public JaegerThriftCodec() {
    this(DEFAULT_MAX_MESSAGE_BYTES, DEFAULT_MAX_STRING_BYTES, DEFAULT_MAX_CONTAINER_SIZE);
  }

  /**
   * A codec with explicit limits on the input size, on one string or binary value, and on one list.
   *
   * @throws IllegalArgumentException when a limit is not positive
   */
  public JaegerThriftCodec(int maxMessageBytes, int maxStringBytes, int maxContainerSize) {
    this.maxMessageBytes = positive(maxMessageBytes, "maxMessageBytes");
    this.maxStringBytes = positive(maxStringBytes, "maxStringBytes");
    this.maxContainerSize = positive(maxContainerSize, "maxContainerSize");
  }

  /**
   * Decodes one {@code Batch} struct, as {@code POST /api/traces} carries it.
   *
   * @return the batch's spans in wire order, each with the batch's process
   * @throws DecodeException when the bytes are not a valid batch
   */
  public List<Span> decodeBatch(byte[] bytes, ThriftProtocol protocol) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(protocol, "protocol");
    String what = "Jaeger Thrift (" + protocol.label() + ") batch";
    ThriftInput input = null;
    try {
      input = openInput(bytes, protocol, what);
      return new ThriftBatchReader(input).readBatch();
    } catch (TException | RuntimeException e) {
      throw failure(what, input, e);
    }
  }

  /**
   * Decodes one agent datagram: a Thrift message {@code emitBatch} (type ONEWAY or CALL) whose
   * arguments struct holds the {@code Batch} in field 1.
   *
   * @return the batch's spans, each with the batch's process
   * @throws DecodeException when the bytes are not an {@code emitBatch} message, including for
   *     {@code emitZipkinBatch}, which this codec does not decode
   */
  public List<Span> decodeAgentMessage(byte[] datagram, ThriftProtocol protocol) {
    Objects.requireNonNull(datagram, "datagram");
    Objects.requireNonNull(protocol, "protocol");
    String what = "Jaeger Thrift (" + protocol.label() + ") agent message";
    ThriftInput input = null;
    try {
      input = openInput(datagram, protocol, what);
      TProtocol in = input.protocol;
      checkMessage(in.readMessageBegin(), what);
      List<Span> spans = null;
      input.enter(EMIT_BATCH);
      in.readStructBegin();
      for (TField f = in.readFieldBegin(); f.type != TType.STOP; f = in.readFieldBegin()) {
        if (f.id == 1 && f.type == TType.STRUCT) {
          input.enter("batch");
          spans = new ThriftBatchReader(input).readBatch();
          input.leave();
        } else {
          input.skip(f.type);
        }
        in.readFieldEnd();
      }
      in.readStructEnd();
      input.requirePresent(spans != null, "batch", 1);
      in.readMessageEnd();
      return spans;
    } catch (TException | RuntimeException e) {
      throw failure(what, input, e);
    }
  }

  /**
   * Encodes a {@code Batch} struct of spans that all belong to {@code process}.
   *
   * @throws IllegalArgumentException when a span's process differs from {@code process}
   */
  public byte[] encodeBatch(Process process, List<Span> spans, ThriftProtocol protocol) {
    checkProcess(process, spans);
    Objects.requireNonNull(protocol, "protocol");
    TMemoryBuffer buffer = newBuffer(spans.size());
    try {
      new ThriftBatchWriter(protocol.open(buffer, Integer.MAX_VALUE, Integer.MAX_VALUE))
          .writeBatch(process, spans);
    } catch (TException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytesOf(buffer);
  }

  /**
   * Encodes an agent {@code emitBatch} message (type ONEWAY, as jaeger-client sends it) of spans that
   * all belong to {@code process}: the payload of one UDP datagram.
   *
   * @throws IllegalArgumentException when a span's process differs from {@code process}
   */
  public byte[] encodeEmitBatch(
      Process process, List<Span> spans, ThriftProtocol protocol, int seqId) {
    checkProcess(process, spans);
    Objects.requireNonNull(protocol, "protocol");
    TMemoryBuffer buffer = newBuffer(spans.size());
    try {
      TProtocol out = protocol.open(buffer, Integer.MAX_VALUE, Integer.MAX_VALUE);
      out.writeMessageBegin(new TMessage(EMIT_BATCH, TMessageType.ONEWAY, seqId));
      out.writeStructBegin(EMIT_BATCH_ARGS);
      out.writeFieldBegin(EMIT_BATCH_ARG);
      new ThriftBatchWriter(out).writeBatch(process, spans);
      out.writeFieldEnd();
      out.writeFieldStop();
      out.writeStructEnd();
      out.writeMessageEnd();
    } catch (TException e) {
      throw new IllegalStateException("writing to memory failed", e);
    }
    return bytesOf(buffer);
  }

  private ThriftInput openInput(byte[] bytes, ThriftProtocol protocol, String what)
      throws TException {
    if (bytes.length > maxMessageBytes) {
      throw new DecodeException(
          what + ": " + bytes.length + " bytes (expected: at most " + maxMessageBytes + ")");
    }
    TConfiguration config =
        TConfiguration.custom()
            .setMaxMessageSize(maxMessageBytes)
            .setMaxFrameSize(maxMessageBytes)
            .build();
    TProtocol in =
        protocol.open(new TMemoryInputTransport(config, bytes), maxStringBytes, maxContainerSize);
    return new ThriftInput(in, maxStringBytes);
  }

  private static void checkMessage(TMessage message, String what) {
    if (message.type != TMessageType.ONEWAY && message.type != TMessageType.CALL) {
      throw new DecodeException(
          what + ": message type " + message.type + " (expected: " + TMessageType.ONEWAY
              + " ONEWAY or " + TMessageType.CALL + " CALL)");
    }
    if (EMIT_ZIPKIN_BATCH.equals(message.name)) {
      throw new DecodeException(
          what + ": method " + EMIT_ZIPKIN_BATCH + " (expected: " + EMIT_BATCH
              + "; Zipkin batches are not accepted on the agent ports, send them to the collector's"
              + " Zipkin endpoint)");
    }
    if (!EMIT_BATCH.equals(message.name)) {
      throw new DecodeException(
          what + ": method \"" + message.name + "\" (expected: " + EMIT_BATCH + ")");
    }
  }

  private static DecodeException failure(
      String what, @Nullable ThriftInput input, Exception e) {
    if (e instanceof DecodeException) {
      return (DecodeException) e;
    }
    String where = input == null ? "" : input.where();
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new DecodeException(
        what + ": " + (where.isEmpty() ? "" : where + ": ") + detail, e);
  }

  private static void checkProcess(Process process, List<Span> spans) {
    Objects.requireNonNull(process, "process");
    Objects.requireNonNull(spans, "spans");
    for (int i = 0; i < spans.size(); i++) {
      Process own = spans.get(i).process();
      if (!own.equals(process)) {
        throw new IllegalArgumentException(
            "spans[" + i + "].process: " + own + " (expected: the batch process " + process + ")");
      }
    }
  }

  private static TMemoryBuffer newBuffer(int spans) {
    try {
      return new TMemoryBuffer(256 + 512 * Math.min(spans, 1024));
    } catch (TException e) {
      throw new IllegalStateException("creating a memory buffer failed", e);
    }
  }

  private static byte[] bytesOf(TMemoryBuffer buffer) {
    byte[] out = new byte[buffer.length()];
    System.arraycopy(buffer.getArray(), 0, out, 0, out.length);
    return out;
  }

  private static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + ": " + value + " (expected: > 0)");
    }
    return value;
  }
}
