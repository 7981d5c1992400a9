package io.spoor.codec.jaeger.thrift;

import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TTransport;

/** The two Thrift encodings Jaeger clients use. */
public enum ThriftProtocol {
  /** {@code TBinaryProtocol}: HTTP {@code POST /api/traces}, agent UDP port 6832. */
  BINARY("binary"),
  /** {@code TCompactProtocol}: agent UDP port 6831, what jaeger-client's {@code UdpSender} sends. */
  COMPACT("compact");

  private final String label;

  ThriftProtocol(String label) {
    this.label = label;
  }

  /** Lower-case name for messages: {@code binary}, {@code compact}. */
  String label() {
    return label;
  }

  /**
   * A protocol over {@code transport} that refuses strings and binaries longer than {@code
   * maxStringBytes} and containers with more than {@code maxContainerSize} elements before
   * allocating them. Binary reads accept both strict (versioned) and old-style message headers.
   */
  TProtocol open(TTransport transport, int maxStringBytes, int maxContainerSize) {
    switch (this) {
      case BINARY:
        return new TBinaryProtocol(transport, maxStringBytes, maxContainerSize, false, true);
      case COMPACT:
        return new TCompactProtocol(transport, maxStringBytes, maxContainerSize);
      default:
        throw new AssertionError(this);
    }
  }
}
