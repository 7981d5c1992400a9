package io.spoor.storage.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.TraceId;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The byte order of keys is the order the reads rely on. */
class KeysTest {
  private static final long[] TIMES = {Long.MIN_VALUE, -5, -1, 0, 1, 1_700_000_000_000_000_000L, Long.MAX_VALUE};

  @Test
  void timesRoundTripInBothDirections() {
    for (long t : TIMES) {
      assertThat(Keys.fromAscending(Keys.ascending(t))).isEqualTo(t);
      assertThat(Keys.fromDescending(Keys.descending(t))).isEqualTo(t);
    }
  }

  @Test
  void indexEntriesSortNewestFirstAsUnsignedBytes() {
    byte[] prefix = Keys.indexPrefix(Keys.BY_SERVICE, "svc");
    for (int i = 1; i < TIMES.length; i++) {
      byte[] older = Keys.indexEntry(prefix, TIMES[i - 1], TraceId.of(1));
      byte[] newer = Keys.indexEntry(prefix, TIMES[i], TraceId.of(1));
      assertThat(Arrays.compareUnsigned(newer, older)).as("%d before %d", TIMES[i], TIMES[i - 1]).isNegative();
      assertThat(Keys.entryStart(newer)).isEqualTo(TIMES[i]);
    }
    byte[] entry = Keys.indexEntry(prefix, 42, TraceId.of(0x0123456789abcdefL, -1L));
    assertThat(Keys.entryTrace(entry)).isEqualTo(TraceId.of(0x0123456789abcdefL, -1L));
    assertThat(Keys.startsWith(entry, prefix)).isTrue();
  }

  @Test
  void aStringIsAnExactPrefixNotAPrefixOfLongerStrings() {
    byte[] ab = Keys.indexPrefix(Keys.BY_SERVICE, "ab");
    byte[] abc = Keys.indexEntry(Keys.indexPrefix(Keys.BY_SERVICE, "abc"), 0, TraceId.of(1));
    assertThat(Keys.startsWith(abc, ab)).isFalse();
    assertThat(Keys.decodeStrings(Keys.operation("svc", "op\u0000x", "SERVER")))
        .containsExactly("svc", "op\u0000x", "SERVER");
  }

  @Test
  void spanKeysOfATraceShareItsPrefixAndSortByStart() {
    TraceId trace = TraceId.of(7, 9);
    byte[] prefix = Keys.tracePrefix(trace);
    byte[] early = Keys.span(trace, -10, io.spoor.model.SpanId.of(2), 0);
    byte[] late = Keys.span(trace, 10, io.spoor.model.SpanId.of(1), 0);
    assertThat(prefix).hasSize(Keys.TRACE_PREFIX_LENGTH);
    assertThat(Keys.startsWith(early, prefix)).isTrue();
    assertThat(Arrays.compareUnsigned(early, late)).isNegative();
    assertThat(Keys.startsWith(Keys.span(TraceId.of(8, 9), 0, io.spoor.model.SpanId.of(1), 0), prefix)).isFalse();
  }

  @Test
  void upperBoundIsTheLeastKeyAfterThePrefix() {
    assertThat(Keys.upperBound(new byte[] {'I', 'a'})).containsExactly('I', 'b');
    assertThat(Keys.upperBound(new byte[] {'I', (byte) 0xff})).containsExactly('J');
    assertThat(Keys.durationPrefix(Keys.indexPrefix(Keys.BY_DURATION, "s"), 5)).hasSize(1 + 1 + 4 + 1 + 8);
    assertThat(ByteBuffer.wrap(Keys.links(3, 4), 9, 8).getLong()).isEqualTo(4);
    assertThat(Keys.linksTime(Keys.links(-3, 4))).isEqualTo(-3);
  }
}
