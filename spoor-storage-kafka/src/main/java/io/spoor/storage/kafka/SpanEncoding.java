package io.spoor.storage.kafka;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.spoor.codec.DecodeException;
import io.spoor.codec.jaeger.proto.JaegerProtoCodec;
import io.spoor.model.Span;
import io.spoor.proto.api_v2.Model;
import io.spoor.storage.GoDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The value of one Kafka message: one span, with its process, as Jaeger's collector writes it and its
 * ingester reads it ({@code --kafka.producer.encoding} / {@code --kafka.consumer.encoding}).
 * <ul>
 *   <li>{@code protobuf}: the binary {@code jaeger.api_v2.Span}.
 *   <li>{@code json}: the protobuf JSON of the same message (lowerCamelCase names, ids in base64,
 *       RFC 3339 {@code startTime}, {@code "0.000005s"} durations, default values left out, no
 *       whitespace), as Go's {@code jsonpb.Marshaler{}} writes it.
 * </ul>
 * The message key is the trace id in hex ({@link #key}), so one trace stays on one partition.
 */
public enum SpanEncoding {
  PROTOBUF("protobuf"),
  JSON("json");

  private static final JaegerProtoCodec CODEC = new JaegerProtoCodec();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  /** A {@code "duration"} value that is not protobuf JSON's {@code "<seconds>s"}. */
  private static final Pattern DURATION = Pattern.compile("(\"duration\"\\s*:\\s*\")([^\"]*)\"");
  private static final Pattern PROTO_DURATION = Pattern.compile("-?[0-9]+(\\.[0-9]+)?s");

  private final String flagValue;

  SpanEncoding(String flagValue) {
    this.flagValue = flagValue;
  }

  /** The name in {@code --kafka.producer.encoding}. */
  public String flagValue() {
    return flagValue;
  }

  /**
   * Parses a flag value.
   *
   * @throws IllegalArgumentException naming {@code flag}, the value and the choices
   */
  public static SpanEncoding parse(String flag, String value) {
    for (SpanEncoding e : values()) {
      if (e.flagValue.equals(value.toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new IllegalArgumentException("--" + flag + ": \"" + value + "\" (expected: one of "
        + Arrays.stream(values()).map(SpanEncoding::flagValue).collect(Collectors.joining(", ")) + ")");
  }

  /** Jaeger's message key: {@code TraceID.String()}, 16 hex digits for a 64-bit id, else 32. */
  public static String key(Span span) {
    return span.traceId().toHex();
  }

  /** The message value of one span. */
  public byte[] encode(Span span) {
    Model.Span proto = CODEC.toSpan(span);
    if (this == PROTOBUF) {
      return proto.toByteArray();
    }
    try {
      return PRINTER.print(proto).getBytes(StandardCharsets.UTF_8);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print a span as JSON: " + e.getMessage(), e);
    }
  }

  /**
   * One span from a message value.
   *
   * @throws DecodeException when the bytes are not a span in this encoding
   */
  public Span decode(byte[] value) {
    if (value == null) {
      throw new DecodeException("Kafka message without a value (expected: a " + flagValue + " span)");
    }
    if (this == PROTOBUF) {
      return CODEC.decodeSpan(value);
    }
    Model.Span.Builder builder = Model.Span.newBuilder();
    try {
      PARSER.merge(goDurations(new String(value, StandardCharsets.UTF_8)), builder);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new DecodeException("Jaeger api_v2 span JSON: " + e.getMessage(), e);
    }
    return CODEC.fromSpan(builder.build(), null);
  }

  /**
   * Jaeger's ingester parses durations with Go's {@code time.ParseDuration}, so {@code "100000ns"} and
   * {@code "1m30s"} are accepted besides protobuf JSON's {@code "0.000100s"}; rewrite those to the latter.
   */
  static String goDurations(String json) {
    Matcher m = DURATION.matcher(json);
    if (!m.find()) {
      return json;
    }
    StringBuilder out = new StringBuilder();
    do {
      if (PROTO_DURATION.matcher(m.group(2)).matches()) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      Duration d = GoDuration.parse(m.group(2));
      String seconds = new BigDecimal(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
          .stripTrailingZeros().toPlainString() + "s";
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + seconds + "\""));
    } while (m.find());
    m.appendTail(out);
    return out.toString();
  }
}
