package io.spoor.codec.jaeger.thrift;

import io.spoor.model.ValueType;
import org.jspecify.annotations.Nullable;

/**
 * {@code jaeger.thrift}'s {@code TagType}. Its order (STRING, DOUBLE, BOOL, LONG, BINARY) differs
 * from the proto {@code ValueType} and from {@link ValueType} (STRING, BOOL, INT64, FLOAT64, BINARY),
 * so the wire number is never the model's ordinal.
 */
enum ThriftTagType {
  STRING(0, ValueType.STRING),
  DOUBLE(1, ValueType.FLOAT64),
  BOOL(2, ValueType.BOOL),
  LONG(3, ValueType.INT64),
  BINARY(4, ValueType.BINARY);

  private static final ThriftTagType[] BY_WIRE = values();

  final int wire;
  final ValueType modelType;

  ThriftTagType(int wire, ValueType modelType) {
    this.wire = wire;
    this.modelType = modelType;
  }

  /** The tag type with this wire number, or null for a number jaeger.thrift does not define. */
  static @Nullable ThriftTagType fromWire(int wire) {
    return wire >= 0 && wire < BY_WIRE.length ? BY_WIRE[wire] : null;
  }

  static ThriftTagType of(ValueType type) {
    switch (type) {
      case STRING:
        return STRING;
      case FLOAT64:
        return DOUBLE;
      case BOOL:
        return BOOL;
      case INT64:
        return LONG;
      case BINARY:
        return BINARY;
      default:
        throw new AssertionError(type);
    }
  }
}
