package io.spoor.storage.rocksdb;

import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The key layout of a bucket column family. Every key starts with one byte naming its family;
 * strings are written as a 4-byte big-endian length and their UTF-8 bytes, so that a string is an
 * exact prefix; times are flipped so that unsigned byte order is newest first.
 *
 * <pre>
 * S traceId(16) start(8, ascending) spanId(8) contentHash(4)          → span (api_v2 protobuf)
 * I 'a' ~start(8) traceId(16)                                        → empty (every span)
 * I 'v' service ~start traceId                                       → empty
 * I 'o' service operation ~start traceId                             → empty
 * I 't' service tagKey tagValue ~start traceId                       → empty (span, process, log tags)
 * I 'd' service duration(8, ascending) ~start traceId                → empty
 * V service                                                          → empty (services)
 * O service operation kind(SpanKind name)                             → empty (operations)
 * L time(8, ascending) sequence(8)                                   → links written by a job
 * </pre>
 *
 * A trace is one range scan of {@code S traceId}; a search is one range scan of an {@code I}
 * prefix, newest first. Stateless.
 */
final class Keys {
  static final byte SPAN = 'S';
  static final byte INDEX = 'I';
  static final byte SERVICE = 'V';
  static final byte OPERATION = 'O';
  static final byte LINKS = 'L';

  static final byte BY_TIME = 'a';
  static final byte BY_SERVICE = 'v';
  static final byte BY_OPERATION = 'o';
  static final byte BY_TAG = 't';
  static final byte BY_DURATION = 'd';

  /** Length of the fixed prefix the prefix bloom filter hashes: {@code S traceId}. */
  static final int TRACE_PREFIX_LENGTH = 17;
  /** {@code ~start traceId} that ends every index key. */
  static final int INDEX_SUFFIX_LENGTH = 24;

  private Keys() {}

  static byte[] tracePrefix(TraceId traceId) {
    return ByteBuffer.allocate(TRACE_PREFIX_LENGTH).put(SPAN)
        .putLong(traceId.high()).putLong(traceId.low()).array();
  }

  static byte[] span(TraceId traceId, long startNanos, SpanId spanId, int contentHash) {
    return ByteBuffer.allocate(TRACE_PREFIX_LENGTH + 20).put(SPAN)
        .putLong(traceId.high()).putLong(traceId.low())
        .putLong(ascending(startNanos)).putLong(spanId.value()).putInt(contentHash).array();
  }

  /** The start of an index key: family and type, then each string. */
  static byte[] indexPrefix(byte type, String... fields) {
    return strings(new byte[] {INDEX, type}, fields);
  }

  /** An index entry: {@code prefix ~start traceId}. */
  static byte[] indexEntry(byte[] prefix, long startNanos, TraceId traceId) {
    return ByteBuffer.allocate(prefix.length + INDEX_SUFFIX_LENGTH).put(prefix)
        .putLong(descending(startNanos)).putLong(traceId.high()).putLong(traceId.low()).array();
  }

  /** A duration index prefix for {@code service} and one duration. */
  static byte[] durationPrefix(byte[] servicePrefix, long durationNanos) {
    return ByteBuffer.allocate(servicePrefix.length + 8).put(servicePrefix).putLong(ascending(durationNanos)).array();
  }

  /** Where a newest-first scan of {@code prefix} starts for spans starting at or before {@code maxStart}. */
  static byte[] seekNewest(byte[] prefix, long maxStartNanos) {
    return ByteBuffer.allocate(prefix.length + 8).put(prefix).putLong(descending(maxStartNanos)).array();
  }

  static long entryStart(byte[] key) {
    return fromDescending(ByteBuffer.wrap(key, key.length - INDEX_SUFFIX_LENGTH, 8).getLong());
  }

  static TraceId entryTrace(byte[] key) {
    ByteBuffer b = ByteBuffer.wrap(key, key.length - 16, 16);
    return TraceId.of(b.getLong(), b.getLong());
  }

  /** The duration of a duration index entry whose prefix (before the duration) is {@code prefixLength} long. */
  static long entryDuration(byte[] key, int prefixLength) {
    return fromAscending(ByteBuffer.wrap(key, prefixLength, 8).getLong());
  }

  static byte[] service(String service) {
    return strings(new byte[] {SERVICE}, service);
  }

  static byte[] operation(String service, String operation, String kind) {
    return strings(new byte[] {OPERATION}, service, operation, kind);
  }

  static byte[] operationPrefix(String service) {
    return strings(new byte[] {OPERATION}, service);
  }

  /** The strings of a {@code V} or {@code O} key, after its family byte. */
  static String[] decodeStrings(byte[] key) {
    ByteBuffer b = ByteBuffer.wrap(key, 1, key.length - 1);
    String[] out = new String[3];
    int n = 0;
    while (b.remaining() >= 4 && n < out.length) {
      byte[] s = new byte[b.getInt()];
      b.get(s);
      out[n++] = new String(s, StandardCharsets.UTF_8);
    }
    return Arrays.copyOf(out, n);
  }

  static byte[] links(long timeNanos, long sequence) {
    return ByteBuffer.allocate(17).put(LINKS).putLong(ascending(timeNanos)).putLong(sequence).array();
  }

  static byte[] linksFrom(long timeNanos) {
    return ByteBuffer.allocate(9).put(LINKS).putLong(ascending(timeNanos)).array();
  }

  static long linksTime(byte[] key) {
    return fromAscending(ByteBuffer.wrap(key, 1, 8).getLong());
  }

  /** The least key greater than every key that starts with {@code prefix}; null when there is none. */
  static byte[] upperBound(byte[] prefix) {
    byte[] out = prefix.clone();
    for (int i = out.length - 1; i >= 0; i--) {
      if (out[i] != (byte) 0xff) {
        out[i]++;
        return Arrays.copyOf(out, i + 1);
      }
    }
    throw new IllegalArgumentException("prefix: all 0xff bytes (expected: a key family prefix)");
  }

  static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  /** Signed order as unsigned byte order. */
  static long ascending(long value) {
    return value ^ Long.MIN_VALUE;
  }

  static long fromAscending(long stored) {
    return stored ^ Long.MIN_VALUE;
  }

  /** Reverse signed order as unsigned byte order: newest first. */
  static long descending(long value) {
    return ~(value ^ Long.MIN_VALUE);
  }

  static long fromDescending(long stored) {
    return ~stored ^ Long.MIN_VALUE;
  }

  private static byte[] strings(byte[] head, String... fields) {
    byte[][] encoded = new byte[fields.length][];
    int length = head.length;
    for (int i = 0; i < fields.length; i++) {
      encoded[i] = fields[i].getBytes(StandardCharsets.UTF_8);
      length += 4 + encoded[i].length;
    }
    ByteBuffer b = ByteBuffer.allocate(length).put(head);
    for (byte[] e : encoded) {
      b.putInt(e.length).put(e);
    }
    return b.array();
  }
}
