package io.spoor.codec.jaeger.thrift;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TList;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.protocol.TProtocolException;
import org.apache.thrift.protocol.TProtocolUtil;
import org.apache.thrift.protocol.TType;

/**
 * A {@link TProtocol} being read, with the limits Spoor adds and the path of the element being read
 * (for example {@code spans[3].tags[1].vStr}), so that a failure can say where it happened. The path
 * is deliberately not unwound when an exception propagates.
 *
 * <p>Single use, not thread-safe.
 */
final class ThriftInput {
  /** Bounds the recursion when skipping unknown nested fields. */
  private static final int MAX_SKIP_DEPTH = 32;

  /** Reads one element of a list. */
  interface ElementReader<T> {
    T read() throws TException;
  }

  final TProtocol protocol;
  private final int maxStringBytes;
  private final List<String> path = new ArrayList<>();

  /**
   * @param maxStringBytes the longest string or binary accepted; checked here too because libthrift's
   *     binary protocol skips its own limit when the bytes are already buffered
   */
  ThriftInput(TProtocol protocol, int maxStringBytes) {
    this.protocol = protocol;
    this.maxStringBytes = maxStringBytes;
  }

  /** The element being read, e.g. {@code spans[3].tags[1].vStr}; empty at the top level. */
  String where() {
    StringBuilder out = new StringBuilder();
    for (String segment : path) {
      if (out.length() > 0 && !segment.startsWith("[")) {
        out.append('.');
      }
      out.append(segment);
    }
    return out.toString();
  }

  void enter(String segment) {
    path.add(segment);
  }

  void leave() {
    path.remove(path.size() - 1);
  }

  /** Skips a value of a field the reader does not know, with bounded recursion. */
  void skip(byte type) throws TException {
    TProtocolUtil.skip(protocol, type, MAX_SKIP_DEPTH);
  }

  /** Reads a UTF-8 string field named {@code field}. */
  String readString(String field) throws TException {
    enter(field);
    String value = StandardCharsets.UTF_8.decode(readLimitedBinary()).toString();
    leave();
    return value;
  }

  /** Reads a binary field named {@code field} into a new array. */
  byte[] readBinary(String field) throws TException {
    enter(field);
    ByteBuffer buffer = readLimitedBinary();
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    leave();
    return out;
  }

  private ByteBuffer readLimitedBinary() throws TException {
    ByteBuffer bytes = protocol.readBinary();
    if (bytes.remaining() > maxStringBytes) {
      throw new TProtocolException(
          bytes.remaining() + " bytes (expected: at most " + maxStringBytes + ")");
    }
    return bytes;
  }

  /** Reads a list of structs named {@code field}; a list of anything else is refused. */
  <T> List<T> readStructList(String field, ElementReader<T> element) throws TException {
    enter(field);
    TList list = protocol.readListBegin();
    if (list.elemType != TType.STRUCT) {
      throw new TProtocolException(
          "list element type " + list.elemType + " (expected: " + TType.STRUCT + ", struct)");
    }
    if (list.size < 0) {
      throw new TProtocolException("list size " + list.size + " (expected: >= 0)");
    }
    List<T> out = new ArrayList<>(list.size);
    for (int i = 0; i < list.size; i++) {
      enter("[" + i + "]");
      out.add(element.read());
      leave();
    }
    protocol.readListEnd();
    leave();
    return out;
  }

  /** Microseconds to nanoseconds, refusing values outside the int64 nanosecond range. */
  long microsToNanos(long micros, String field) throws TProtocolException {
    if (micros > Long.MAX_VALUE / 1000 || micros < Long.MIN_VALUE / 1000) {
      enter(field);
      throw new TProtocolException(micros + " µs (expected: at most " + Long.MAX_VALUE / 1000
          + " in magnitude, the int64 nanosecond range)");
    }
    return micros * 1000;
  }

  /** Refuses a missing required field. */
  void requirePresent(boolean present, String field, int id) throws TProtocolException {
    if (!present) {
      enter(field);
      throw new TProtocolException("missing (required field " + id + ")");
    }
  }

  /** Fails at {@code field} with {@code problem}. */
  TProtocolException invalid(String field, String problem) {
    enter(field);
    return new TProtocolException(problem);
  }
}
