package io.spoor.client.reporter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes Thrift values in the compact or the binary protocol into a growing byte array. Only what
 * Jaeger's IDL uses: structs, lists, strings, binary, bool, i32, i64, double; field types are given
 * as {@link Type} and mapped to each protocol's codes.
 *
 * <p>Compact field headers encode the field id as a delta from the previous field of the same struct,
 * so {@link #structBegin()} and {@link #structEnd()} keep a stack of the last ids. Not thread-safe.
 */
abstract class ThriftOutput {
  enum Type { BOOL, I32, I64, DOUBLE, STRING, STRUCT, LIST }

  byte[] buf = new byte[256];
  int size;

  static ThriftOutput compact() {
    return new Compact();
  }

  static ThriftOutput binary() {
    return new Binary();
  }

  final void reset() {
    size = 0;
  }

  final byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  final void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }

  final void writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
  }

  final void writeRaw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  abstract void structBegin();

  abstract void structEnd();

  abstract void fieldHeader(Type type, int id);

  abstract void fieldBool(int id, boolean value);

  abstract void i32(int value);

  abstract void i64(long value);

  abstract void dbl(double value);

  abstract void bytes(byte[] value);

  abstract void listHeader(Type element, int count);

  /** The header of a oneway message, e.g. the agent's {@code emitBatch}. */
  abstract void onewayMessageHeader(String name, int seqId);

  final void string(String value) {
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  final void fieldI32(int id, int value) {
    fieldHeader(Type.I32, id);
    i32(value);
  }

  final void fieldI64(int id, long value) {
    fieldHeader(Type.I64, id);
    i64(value);
  }

  final void fieldDouble(int id, double value) {
    fieldHeader(Type.DOUBLE, id);
    dbl(value);
  }

  final void fieldString(int id, String value) {
    fieldHeader(Type.STRING, id);
    string(value);
  }

  final void fieldBinary(int id, byte[] value) {
    fieldHeader(Type.STRING, id);
    bytes(value);
  }

  private static final class Compact extends ThriftOutput {
    private int[] lastIds = new int[16];
    private int depth;
    private int lastId;

    @Override
    void structBegin() {
      if (depth == lastIds.length) {
        lastIds = Arrays.copyOf(lastIds, depth * 2);
      }
      lastIds[depth++] = lastId;
      lastId = 0;
    }

    @Override
    void structEnd() {
      writeByte(0);
      lastId = lastIds[--depth];
    }

    private static int code(Type type) {
      return switch (type) {
        case BOOL -> 1;
        case I32 -> 5;
        case I64 -> 6;
        case DOUBLE -> 7;
        case STRING -> 8;
        case LIST -> 9;
        case STRUCT -> 12;
      };
    }

    private void header(int typeCode, int id) {
      int delta = id - lastId;
      if (delta > 0 && delta <= 15) {
        writeByte(delta << 4 | typeCode);
      } else {
        writeByte(typeCode);
        varint((id << 1) ^ (id >> 31));
      }
      lastId = id;
    }

    @Override
    void fieldHeader(Type type, int id) {
      header(code(type), id);
    }

    @Override
    void fieldBool(int id, boolean value) {
      header(value ? 1 : 2, id);
    }

    private void varint(long v) {
      ensure(10);
      while ((v & ~0x7FL) != 0) {
        buf[size++] = (byte) ((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    @Override
    void i32(int value) {
      varint(((value << 1) ^ (value >> 31)) & 0xFFFFFFFFL);
    }

    @Override
    void i64(long value) {
      varint((value << 1) ^ (value >> 63));
    }

    @Override
    void dbl(double value) {
      long bits = Double.doubleToLongBits(value);
      ensure(8);
      for (int i = 0; i < 8; i++) {
        buf[size++] = (byte) (bits >>> (8 * i)); // compact writes doubles little-endian
      }
    }

    @Override
    void bytes(byte[] value) {
      varint(value.length);
      writeRaw(value);
    }

    @Override
    void listHeader(Type element, int count) {
      if (count < 15) {
        writeByte(count << 4 | code(element));
      } else {
        writeByte(0xF0 | code(element));
        varint(count);
      }
    }

    @Override
    void onewayMessageHeader(String name, int seqId) {
      writeByte(0x82); // protocol id
      writeByte(4 << 5 | 1); // type ONEWAY, version 1
      varint(seqId & 0xFFFFFFFFL);
      string(name);
    }
  }

  private static final class Binary extends ThriftOutput {
    private static int code(Type type) {
      return switch (type) {
        case BOOL -> 2;
        case I32 -> 8;
        case I64 -> 10;
        case DOUBLE -> 4;
        case STRING -> 11;
        case STRUCT -> 12;
        case LIST -> 15;
      };
    }

    @Override
    void structBegin() {}

    @Override
    void structEnd() {
      writeByte(0);
    }

    @Override
    void fieldHeader(Type type, int id) {
      writeByte(code(type));
      writeByte(id >>> 8);
      writeByte(id);
    }

    @Override
    void fieldBool(int id, boolean value) {
      fieldHeader(Type.BOOL, id);
      writeByte(value ? 1 : 0);
    }

    @Override
    void i32(int value) {
      ensure(4);
      for (int i = 3; i >= 0; i--) {
        buf[size++] = (byte) (value >>> (8 * i));
      }
    }

    @Override
    void i64(long value) {
      ensure(8);
      for (int i = 7; i >= 0; i--) {
        buf[size++] = (byte) (value >>> (8 * i));
      }
    }

    @Override
    void dbl(double value) {
      i64(Double.doubleToLongBits(value));
    }

    @Override
    void bytes(byte[] value) {
      i32(value.length);
      writeRaw(value);
    }

    @Override
    void listHeader(Type element, int count) {
      writeByte(code(element));
      i32(count);
    }

    @Override
    void onewayMessageHeader(String name, int seqId) {
      i32(0x80010000 | 4); // strict header, version 1, type ONEWAY
      string(name);
      i32(seqId);
    }
  }
}
